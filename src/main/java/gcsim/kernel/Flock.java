package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The flock(2) lock of one inode: shared or exclusive, held by open file descriptions.
 *
 * <p>Invariant: {@code exclusive != null} implies {@code shared} is empty. A description holds at
 * most one mode; locking again converts it, as flock does.
 */
public final class Flock {
    private final Kernel kernel;
    private final int resource;
    private final List<OpenFile> shared = new ArrayList<>(2);
    private OpenFile exclusive;

    public Flock(Kernel kernel) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
    }

    public boolean canLock(OpenFile f, boolean exclusiveMode) {
        kernel.read(resource);
        if (exclusive != null) {
            return exclusive == f;
        }
        if (!exclusiveMode) {
            return true;
        }
        return shared.isEmpty() || (shared.size() == 1 && shared.get(0) == f);
    }

    /** A guard for a blocking lock call. */
    public Guard lockable(OpenFile f, boolean exclusiveMode) {
        return new Lockable(f, exclusiveMode);
    }

    /** Ready when {@code file} could take the lock now; its answer changes only when the lock is written. */
    private final class Lockable extends Guard {
        private final OpenFile file;
        private final boolean exclusiveMode;

        Lockable(OpenFile file, boolean exclusiveMode) {
            super(resource);
            this.file = file;
            this.exclusiveMode = exclusiveMode;
        }

        @Override
        public boolean ready() {
            return canLockQuiet(file, exclusiveMode);
        }

        @Override
        public String waitsFor() {
            String held = holders(); // "exclusive: P", "shared: P, Q" or "free"
            return (exclusiveMode ? "an exclusive" : "a shared") + " lock on " + file
                    + (held.startsWith("exclusive: ") ? ", held exclusively by " + held.substring("exclusive: ".length())
                            : held.startsWith("shared: ") ? ", held shared by " + held.substring("shared: ".length()) : "");
        }
    }

    private boolean canLockQuiet(OpenFile f, boolean exclusiveMode) {
        if (exclusive != null) {
            return exclusive == f;
        }
        return !exclusiveMode || shared.isEmpty() || (shared.size() == 1 && shared.get(0) == f);
    }

    /** Takes the lock; the caller has checked {@link #canLock} in this same step. */
    public void lock(OpenFile f, boolean exclusiveMode) {
        if (!canLock(f, exclusiveMode)) {
            throw new IllegalStateException("flock taken while unavailable");
        }
        kernel.write(resource);
        shared.remove(f);
        if (exclusiveMode) {
            exclusive = f;
        } else {
            exclusive = null;
            shared.add(f);
        }
    }

    /** LOCK_NB: takes the lock if it can, and says whether it did. */
    public boolean tryLock(OpenFile f, boolean exclusiveMode) {
        if (!canLock(f, exclusiveMode)) {
            return false;
        }
        lock(f, exclusiveMode);
        return true;
    }

    public void unlock(OpenFile f) {
        kernel.write(resource);
        if (exclusive == f) {
            exclusive = null;
        }
        shared.remove(f);
    }

    /**
     * Who holds the lock, for a state view: {@code exclusive: P}, {@code shared: P, Q} or {@code free},
     * P being the owning process's name. Not a read of the lock by any step: it leaves no footprint.
     */
    public String holders() {
        if (exclusive != null) {
            return "exclusive: " + exclusive.owner().name();
        }
        if (shared.isEmpty()) {
            return "free";
        }
        StringBuilder sb = new StringBuilder("shared: ");
        for (int i = 0; i < shared.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shared.get(i).owner().name());
        }
        return sb.toString();
    }

    public boolean heldBy(OpenFile f) {
        return exclusive == f || shared.contains(f);
    }

    public boolean heldExclusively() {
        return exclusive != null;
    }

    public boolean free() {
        return exclusive == null && shared.isEmpty();
    }
}
