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
    private final String name;
    final List<Actor> threads = new ArrayList<>(4);
    private final List<Resource> resources = new ArrayList<>(4);
    private boolean exited;
    /** True while {@link #exit} closes the resources: {@link #disown} then leaves the list as it is. */
    @Derived("false between steps: set and cleared within the step that exits")
    private boolean closing;
    /** The virtual time of the exit, for a start window that opens when this process ends; NEVER before. */
    private long exitedAt = Guard.NEVER;

    SimProcess(Kernel kernel, int pid, String name) {
        this.kernel = kernel;
        this.pid = pid;
        this.name = name;
    }

    public int pid() {
        return pid;
    }

    public String name() {
        return name;
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
        Actor a = kernel.newActor(threadName, this, body);
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
        resources.subList(0, n).clear();
    }

    @Override
    public String toString() {
        return name + "[" + pid + "]";
    }
}
