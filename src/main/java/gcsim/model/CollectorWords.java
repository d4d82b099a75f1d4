package gcsim.model;

import gcsim.kernel.IntList;

/**
 * The collector's story lines (§2.7 B4–B9, T2–T4), worded in one place so that the visit order,
 * {@code pending}, the acknowledgement of a socket temp root and the deletions tell one consistent
 * account: a path whose temp root the collector does not honour is said to have one, with the reason,
 * never "no temp root". Called only when tracing.
 *
 * <p>Every line about a closure names the path the closure started from ("in the closure of P"), so a
 * story told about P keeps the referrers visited and deleted with it.
 */
final class CollectorWords {
    private CollectorWords() {}

    /** B4/B6: the closure is kept; {@code why} names what keeps it. */
    static String kept(World w, GcRun run, String start, String path, int entry, boolean atB4) {
        String what;
        if (atB4 && run.tempRoots.get(entry >> 1)) {
            what = path + " has a temp root the collector read from a temproots file";
        } else if (atB4) {
            what = path + " is a root";
        } else {
            what = path + " has a temp root the collector received through its socket";
        }
        return "keeps " + start + ": " + what;
    }

    /** B6 passed: the path has no root and no temp root yet, and becomes {@code pending}. */
    static String visit(String start, String path) {
        String where = start.equals(path) ? "" : " (in the closure of " + start + ")";
        return "visits " + path + where + ": not a root, no temp root so far; pending = " + path;
    }

    /** B7: what the visit enqueued. */
    static String enqueued(World w, String start, String path, IntList queue, int from) {
        StringBuilder sb = new StringBuilder(path).append(" is valid; ");
        if (from == queue.size()) {
            sb.append("nothing new to visit");
        } else {
            sb.append("enqueues ");
            for (int j = from; j < queue.size(); j++) {
                int e = queue.get(j);
                sb.append(j == from ? "" : ", ").append(w.layout.name(e >> 1)).append((e & 1) == 0 ? "" : ".lock");
            }
        }
        return sb.append(start.equals(path) ? " (closure of " + start + ")" : " (in the closure of " + start + ")")
                .toString();
    }

    /**
     * B9.4: a deletion, with the temp root the collector ignores, if any, and the closure's other
     * members when there are some.
     */
    static String deleted(World w, GcRun run, String start, int p, IntList order) {
        String name = w.layout.name(p);
        String why;
        if (run.tempRoots.get(p) && w.switches.gcDeleteRecheck()) {
            why = " (no root, no temp root at its re-check; a temp root that arrived since waits for its acknowledgement"
                    + " until " + name + " is gone)";
        } else if (run.tempRoots.get(p)) {
            why = " although it has a temp root: recorded after the collector visited it, and the deletion loop does"
                    + " not look at temp roots again";
        } else if (inSomeFile(w, p)) {
            why = " although a temproots file lists it: written after the collector read that file, and not sent"
                    + " through the socket yet";
        } else {
            why = " (no root, no temp root, no live referrer)";
        }
        StringBuilder closure = new StringBuilder();
        int members = 0;
        for (int j = 0; j < order.size(); j++) {
            if ((order.get(j) & 1) == 0) {
                closure.append(members++ == 0 ? "" : ", ").append(w.layout.name(order.get(j) >> 1));
            }
        }
        return "deletes " + name + why + (members > 1 ? "; closure of " + start + ", deleted in the order " + closure : "");
    }

    private static boolean inSomeFile(World w, int p) {
        for (TempRootsFile f : w.tempRoots.list()) {
            if (f.paths.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** T2–T3: a temp root received through the socket, and what {@code pending} makes of its ack. */
    static String received(World w, GcRun run, int hash) {
        String name = w.layout.name(hash);
        String base = "records temp root " + name + " sent through the socket; ";
        if (run.pending == hash) {
            return base + "pending = " + name + ", so the ack is held until the collector is done with it";
        }
        return base + (run.pending < 0 ? "nothing is pending" : "pending = " + w.layout.name(run.pending) + ", not "
                + name) + ", so it is acknowledged at once";
    }

    /** T3 after a wake-up: pending moved on, the held ack goes out. */
    static String released(World w, GcRun run, int hash) {
        return "pending is no longer " + w.layout.name(hash) + "; acknowledges it";
    }
}
