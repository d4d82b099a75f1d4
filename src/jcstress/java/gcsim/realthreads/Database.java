package gcsim.realthreads;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SQLite database: one row per valid path with its references. Each method is one transaction,
 * so a registration and an invalidation are serialised the way SQLite serialises them (§2.5, §2.7
 * B9.3): whichever commits first decides whether the other fails.
 */
final class Database {
    /** ValidPaths and Refs: each valid path's references. */
    private final Map<String, List<String>> valid = new TreeMap<>();

    synchronized boolean isValid(String path) {
        return valid.containsKey(path);
    }

    /** §2.5 steps 2–5: insert the row, then look up every reference; a missing one rolls back. */
    synchronized void register(String path, List<String> references) throws InvalidPath {
        for (String r : references) {
            if (!r.equals(path) && !valid.containsKey(r)) {
                throw new InvalidPath(r);
            }
        }
        valid.put(path, List.copyOf(references));
    }

    /** §2.7 B9.3 invalidatePathChecked: refuses while another valid path still refers to it. */
    synchronized boolean invalidateChecked(String path) {
        if (!referrers(path).isEmpty()) {
            return false;
        }
        valid.remove(path);
        return true;
    }

    /** The valid paths that refer to {@code path}, itself excluded. */
    synchronized List<String> referrers(String path) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : valid.entrySet()) {
            if (!e.getKey().equals(path) && e.getValue().contains(path)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** markAlive's closure: {@code path} and every valid path it reaches over references. */
    synchronized Set<String> closure(String path) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(path));
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (valid.containsKey(p) && seen.add(p)) {
                todo.addAll(valid.get(p));
            }
        }
        return seen;
    }

    /** B9's topoSortPaths: referrers before their references. */
    synchronized List<String> topoSort(Collection<String> paths) {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String p : paths) {
            visit(p, paths, done, order);
        }
        Collections.reverse(order);
        return order;
    }

    private void visit(String p, Collection<String> within, Set<String> done, List<String> order) {
        if (!done.add(p)) {
            return;
        }
        for (String r : valid.getOrDefault(p, List.of())) {
            if (within.contains(r)) {
                visit(r, within, done, order);
            }
        }
        order.add(p);
    }

    /** The store invariant: every valid path's references are valid. */
    synchronized boolean closed() {
        for (List<String> refs : valid.values()) {
            for (String r : refs) {
                if (!valid.containsKey(r)) {
                    return false;
                }
            }
        }
        return true;
    }

    synchronized Set<String> validPaths() {
        return new LinkedHashSet<>(valid.keySet());
    }
}
