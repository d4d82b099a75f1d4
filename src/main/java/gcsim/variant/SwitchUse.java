package gcsim.variant;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A variant's switches as the model reads them, with a record of which ones it read. Bit {@code i}
 * of {@link #read()} is the {@code i}-th component of {@link Switches} (declaration order, the
 * order of {@link Switches#asYaml()}).
 *
 * <p>Why: the model is deterministic and reads a variant only through these methods, so two variants
 * that agree on every switch a search read make that search run the very same executions, schedule
 * for schedule, and reach the same verdict. {@code compare} uses this to run one search for all the
 * variants of a scenario that the scenario cannot tell apart (a scenario without a collector never
 * reads the collector's switches) instead of thirteen identical ones.
 *
 * <p>The record never influences a run: it is written and never read by the model, so a state
 * fingerprint skips it (this package's objects are constants to the stateful search, shared by every
 * copy of a world, which is also what lets the reads of every copy land here). One instance per
 * executor, one thread.
 */
public final class SwitchUse {
    private static final int COMPONENTS = Switches.class.getRecordComponents().length;

    private final Switches switches;
    /** Bit i: component i was read. */
    private int read;

    public SwitchUse(Switches switches) {
        this.switches = Objects.requireNonNull(switches);
    }

    /** The switches read so far, as a bit set over {@link Switches}' components. */
    public int read() {
        return read;
    }

    /** Whether {@code a} and {@code b} have the same value for every switch in {@code read}. */
    public static boolean agree(Switches a, Switches b, int read) {
        RecordComponent[] c = Switches.class.getRecordComponents();
        for (int i = 0; i < c.length; i++) {
            if ((read & (1 << i)) != 0 && !Objects.equals(value(c[i], a), value(c[i], b))) {
                return false;
            }
        }
        return true;
    }

    /** Every switch: what a run that cannot say what it read is taken to have read. */
    public static int all() {
        return (1 << COMPONENTS) - 1;
    }

    /** The YAML names of the switches in {@code read}, in declaration order. */
    public static List<String> names(int read) {
        List<String> keys = new ArrayList<>(Switches.baseline().asYaml().keySet());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if ((read & (1 << i)) != 0) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    private static Object value(RecordComponent c, Switches s) {
        try {
            return c.getAccessor().invoke(s);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read switch " + c.getName(), e);
        }
    }

    public WriteDerivationMode writeDerivation() {
        read |= 1;
        return switches.writeDerivation();
    }

    public boolean fetchCacheTempRoot() {
        read |= 1 << 1;
        return switches.fetchCacheTempRoot();
    }

    public boolean callerRoots() {
        read |= 1 << 2;
        return switches.callerRoots();
    }

    public TempRootClient tempRootClient() {
        read |= 1 << 3;
        return switches.tempRootClient();
    }

    public PathInUse pathInUse() {
        read |= 1 << 4;
        return switches.pathInUse();
    }

    public boolean gcDeleteRecheck() {
        read |= 1 << 5;
        return switches.gcDeleteRecheck();
    }

    public SrcMemo srcMemo() {
        read |= 1 << 6;
        return switches.srcMemo();
    }

    public boolean tempRootDedup() {
        read |= 1 << 7;
        return switches.tempRootDedup();
    }

    public boolean addRecheckUncached() {
        read |= 1 << 8;
        return switches.addRecheckUncached();
    }

    public AutoGcThread autoGcThread() {
        read |= 1 << 9;
        return switches.autoGcThread();
    }

    public GcRootOrder gcRootOrder() {
        read |= 1 << 10;
        return switches.gcRootOrder();
    }

    public boolean copyTempRoots() {
        read |= 1 << 11;
        return switches.copyTempRoots();
    }

    public boolean buildInputTempRoots() {
        read |= 1 << 12;
        return switches.buildInputTempRoots();
    }

    public boolean importDrvRoot() {
        read |= 1 << 13;
        return switches.importDrvRoot();
    }

    public WorkerExit workerExit() {
        read |= 1 << 14;
        return switches.workerExit();
    }

    public GcClientCatch gcClientCatch() {
        read |= 1 << 15;
        return switches.gcClientCatch();
    }

    public MonitorStop monitorStop() {
        read |= 1 << 16;
        return switches.monitorStop();
    }
}
