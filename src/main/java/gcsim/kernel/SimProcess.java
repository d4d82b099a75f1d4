package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated OS process: a pid, its threads, and the resources the kernel releases when it exits
 * (file locks held through its open file descriptions, socket ends it owns).
 */
public final class SimProcess {
    /** Something the kernel closes when the owning process exits, as the OS closes descriptors. */
    public interface Resource {
        void closeOnExit(SimProcess owner);
    }

    private final Kernel kernel;
    private final int pid;
    /** The name, or its head when {@link #nameNumber} is not negative (a worker's {@code worker-}). */
    private final String name;
    /** The number that ends the name ({@code worker-3}), or -1 when {@link #name} is all of it. */
    private final int nameNumber;
    @Derived("a name for messages, put together from name and nameNumber when first asked")
    private String fullName;
    final List<Actor> threads = new ArrayList<>(4);
    private final List<Resource> resources = new ArrayList<>(4);
    private boolean exited;
    /** True while {@link #exit} closes the resources: {@link #disown} then leaves the list as it is. */
    @Derived("false between steps: set and cleared within the step that exits")
    private boolean closing;
    /** The virtual time of the exit, for a start window that opens when this process ends; NEVER before. */
    private long exitedAt = Guard.NEVER;

    SimProcess(Kernel kernel, int pid, String name, int nameNumber) {
        this.kernel = kernel;
        this.pid = pid;
        this.name = name;
        this.nameNumber = nameNumber;
    }

    public int pid() {
        return pid;
    }

    /**
     * The process's name, put together when first asked: processes are started at steps of untraced
     * executions (daemon workers), which never print it.
     */
    public String name() {
        String n = fullName;
        if (n == null) {
            n = nameNumber < 0 ? name : name + nameNumber;
            fullName = n;
        }
        return n;
    }

    public boolean exited() {
        return exited;
    }

    /** When the process exited (virtual time), or {@link Guard#NEVER} while it runs. */
    public long exitedAt() {
        return exitedAt;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Starts a new thread in this process running {@code body}. */
    public Actor spawn(String threadName, Frame body) {
        Actor a = kernel.newActor(threadName, null, -1, this, body);
        threads.add(a);
        return a;
    }

    /**
     * Starts a new thread named this process's name followed by {@code tail} and, when not negative,
     * {@code number} ({@code worker-3/gc-client-1}): the name is put together only when printed, as
     * threads are started at steps of untraced executions too.
     */
    public Actor spawnNamed(String tail, int number, Frame body) {
        Actor a = kernel.newActor(null, tail, number, this, body);
        threads.add(a);
        return a;
    }

    public void own(Resource r) {
        resources.add(r);
    }

    public void disown(Resource r) {
        if (!closing) { // while exit closes them, the resources are no longer this process's
            resources.remove(r);
        }
    }

    /** Ends the process: every thread stops and every owned resource is closed, in acquisition order. */
    public void exit() {
        if (exited) {
            return;
        }
        exited = true;
        exitedAt = kernel.clock();
        kernel.processExited();
        for (int i = 0, n = threads.size(); i < n; i++) {
            threads.get(i).kill();
        }
        // closed in place rather than from a copy (a process exits in most executions): a resource
        // that disowns itself while closed leaves the list alone, and the closed ones go at the end,
        // leaving any that a close made this process own
        int n = resources.size();
        closing = true;
        for (int i = 0; i < n; i++) {
            resources.get(i).closeOnExit(this);
        }
        closing = false;
        if (n == resources.size()) {
            resources.clear(); // the commonest exit: no close made this process own anything
        } else {
            resources.subList(0, n).clear();
        }
    }

    @Override
    public String toString() {
        return name() + "[" + pid + "]";
    }
}
