package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FootprintsTest {

    /** Runs each action as one step of its own actor, in order, with footprints on. */
    private static Kernel stepsOf(Kernel k, Runnable... actions) {
        List<Script.Step> steps = new ArrayList<>();
        for (Runnable r : actions) {
            steps.add(self -> {
                r.run();
                return Control.YIELD;
            });
        }
        k.newProcess("p").spawn("a", Script.of(steps));
        k.run();
        return k;
    }

    private static Kernel kernel() {
        return new Kernel(FixedStrategy.lowest(), 1000).withFootprints();
    }

    private static boolean writes(int access) {
        return (access & 1) != 0;
    }

    private static boolean allWrites(int[] accesses) {
        return IntStream.of(accesses).allMatch(FootprintsTest::writes);
    }

    private static boolean noWrites(int[] accesses) {
        return IntStream.of(accesses).noneMatch(FootprintsTest::writes);
    }

    @Test
    void withoutFootprintsNothingIsRecorded() {
        Kernel k = new Kernel(FixedStrategy.lowest(), 1000);
        Flock f = new Flock(k);
        stepsOf(k, () -> f.lock(new OpenFile(k.processes().get(0), f, "x"), true));

        assertThat(k.footprints()).isNull();
    }

    @Test
    void everyStepIsRecordedWithItsActorAndClockAdvancesAsMinusOne() {
        Kernel k = kernel();
        Actor a = k.newProcess("p").spawn("a", Script.of(self -> self.sleep(5)));
        Actor b = k.newProcess("q").spawn("b", Script.of(Script.yieldStep()));

        k.run();

        Footprints fp = k.footprints();
        assertThat(fp.steps()).isEqualTo(k.steps()).isEqualTo(5);
        // lowest: a sleeps, b yields, b returns, forced clock advance, a returns
        assertThat(List.of(fp.actor(0), fp.actor(1), fp.actor(2), fp.actor(3), fp.actor(4)))
                .containsExactly(a.id(), b.id(), b.id(), -1, a.id());
        // a's sleep reads the clock, the advance writes it; b's steps touch nothing
        assertThat(fp.of(0)).hasSize(1);
        assertThat(fp.of(1)).isEmpty();
        assertThat(fp.of(2)).isEmpty();
        assertThat(fp.of(3)).hasSize(1);
        assertThat(fp.dependent(0, 3)).isTrue();
        assertThat(fp.dependent(1, 3)).isFalse();
    }

    @Test
    void takingAFlockReadsThenWritesIt() {
        Kernel k = kernel();
        Flock flock = new Flock(k);
        SimProcess p = k.newProcess("p");
        OpenFile f = new OpenFile(p, flock, "f");
        p.spawn("a", Script.of(Script.lockFlock(f, true)));

        k.run();

        // the step checks canLock (a read), then lock checks again (a read) and takes it (a write)
        int[] accesses = k.footprints().of(0);
        assertThat(accesses).hasSize(3);
        assertThat(IntStream.of(accesses).map(x -> x >>> 1).distinct().count()).isEqualTo(1);
        assertThat(writes(accesses[0])).isFalse();
        assertThat(writes(accesses[1])).isFalse();
        assertThat(writes(accesses[2])).isTrue();
    }

    @Test
    void twoWritesOfTheSameFlockAreDependent() {
        Kernel k = kernel();
        Flock flock = new Flock(k);
        SimProcess p = k.newProcess("p");
        SimProcess q = k.newProcess("q");
        OpenFile pf = new OpenFile(p, flock, "p");
        OpenFile qf = new OpenFile(q, flock, "q");
        p.spawn("a", Script.of(Script.lockFlock(pf, false)));
        q.spawn("b", Script.of(Script.lockFlock(qf, false)));

        k.run();

        Footprints fp = k.footprints();
        assertThat(fp.actor(0)).isNotEqualTo(fp.actor(2));
        assertThat(fp.dependent(0, 2)).isTrue();
        assertThat(fp.dependent(2, 0)).isTrue();
        assertThat(fp.dependent(0, 1)).isFalse(); // the return step touches nothing
    }

    @Test
    void stepsTouchingDifferentResourcesAreIndependent() {
        Kernel k = kernel();
        Flock x = new Flock(k);
        Flock y = new Flock(k);
        SimProcess p = k.newProcess("p");
        SimProcess q = k.newProcess("q");
        OpenFile px = new OpenFile(p, x, "p:x");
        OpenFile qy = new OpenFile(q, y, "q:y");
        p.spawn("a", Script.of(Script.lockFlock(px, true)));
        q.spawn("b", Script.of(Script.lockFlock(qy, true)));

        k.run();

        assertThat(k.footprints().dependent(0, 2)).isFalse();
    }

    @Test
    void twoReadsOfTheSameResourceAreIndependent() {
        Kernel k = kernel();
        SocketFile socket = new SocketFile(k, "/s");
        stepsOf(k, socket::exists, socket::exists, socket::unlink);

        Footprints fp = k.footprints();
        assertThat(fp.of(0)).hasSize(1);
        assertThat(writes(fp.of(0)[0])).isFalse();
        assertThat(fp.dependent(0, 1)).isFalse();
        assertThat(fp.dependent(0, 2)).isTrue();
        assertThat(fp.dependent(2, 2)).isTrue();
    }

    @Test
    void accessesBeforeTheFirstStepAreIgnored() {
        Kernel k = kernel();
        Flock flock = new Flock(k);
        SimProcess p = k.newProcess("p");
        flock.lock(new OpenFile(p, flock, "setup"), true);
        k.write(99);

        stepsOf(k, () -> { });

        assertThat(k.footprints().steps()).isEqualTo(2);
        assertThat(k.footprints().of(0)).isEmpty();
    }

    @Test
    void pollingGuardsRecordsNothing() {
        Kernel k = kernel();
        Flock flock = new Flock(k);
        Mutex m = new Mutex(k);
        SimProcess p = k.newProcess("p");
        OpenFile held = new OpenFile(p, flock, "held");
        OpenFile wanted = new OpenFile(p, flock, "wanted");
        flock.lock(held, true);
        p.spawn("flock waiter", Script.of(Script.lockFlock(wanted, true)));
        p.spawn("mutex waiter", Script.of(Script.lockMutex(m)));
        p.spawn("sleeper", Script.of(self -> self.sleep(10)));
        k.newProcess("r").spawn("busy", Script.of(Script.yieldStep(), Script.yieldStep(), Script.yieldStep()));
        m.lock(k.newProcess("q").spawn("holder", Script.of(self -> self.await(new Promise<>(k)))));

        k.run();

        Footprints fp = k.footprints();
        // after the waiters blocked, busy's pure steps stay empty although the kernel polled
        // their guards before every one of them; only a clock advance writes the clock
        assertThat(fp.steps()).isGreaterThan(6);
        int sleeper = 2; // the third actor: its one step reads the clock to set its timer
        for (int i = 2; i < fp.steps(); i++) {
            if (fp.actor(i) != -1 && fp.actor(i) != sleeper) {
                assertThat(fp.of(i)).as("step %d", i).isEmpty();
            }
        }
        assertThat(fp.of(0)).isNotEmpty(); // the flock waiter read the lock before waiting
    }

    @Test
    void primitivesReportWhatTheyReadAndWrite() {
        Kernel k = kernel();
        SimProcess p = k.newProcess("p");
        Mutex m = new Mutex(k);
        CondVar cv = new CondVar(k);
        Promise<String> promise = new Promise<>(k);
        SocketFile socket = new SocketFile(k, "/s");
        Listener[] l = new Listener[1];
        Connection.End[] ends = new Connection.End[2];

        stepsOf(k,
                () -> m.lock(k.current()),                                   // 0 write mutex
                () -> cv.release(m, k.current()),                            // 1 write cv, write mutex
                cv::signalAll,                                     // 2 write cv
                () -> promise.fulfil("v"),                         // 3 write promise
                promise::get,                                      // 4 read promise
                () -> l[0] = socket.bind(p),                       // 5 write socket file
                () -> ends[0] = socket.connect(p),                 // 6 write file, write listener
                () -> l[0].hasPending(),                           // 7 read listener
                () -> ends[1] = l[0].accept(p),                    // 8 write listener
                () -> ends[0].send("x"),                           // 9 write connection
                () -> ends[1].receive(),                           // 10 write connection
                () -> ends[1].peerClosed(),                        // 11 read connection
                () -> ends[0].close());                            // 12 write connection

        Footprints fp = k.footprints();
        assertThat(fp.of(0)).hasSize(1);
        assertThat(allWrites(fp.of(0))).isTrue();
        assertThat(fp.of(1)).hasSize(2);
        assertThat(allWrites(fp.of(1))).isTrue();
        assertThat(fp.dependent(0, 1)).isTrue();
        assertThat(fp.dependent(1, 2)).isTrue();
        assertThat(fp.dependent(0, 2)).isFalse();
        assertThat(fp.of(3)).hasSize(1);
        assertThat(allWrites(fp.of(3))).isTrue();
        assertThat(fp.of(4)).hasSize(1);
        assertThat(noWrites(fp.of(4))).isTrue();
        assertThat(fp.dependent(3, 4)).isTrue();
        assertThat(fp.of(5)).isNotEmpty();
        assertThat(allWrites(fp.of(5))).isTrue();
        assertThat(fp.of(6)).hasSize(2);
        assertThat(allWrites(fp.of(6))).isTrue();
        assertThat(fp.dependent(5, 6)).isTrue();
        assertThat(fp.of(7)).hasSize(1);
        assertThat(noWrites(fp.of(7))).isTrue();
        assertThat(fp.dependent(6, 7)).isTrue();
        assertThat(fp.dependent(7, 8)).isTrue();
        assertThat(fp.dependent(5, 9)).isFalse();
        assertThat(fp.dependent(9, 10)).isTrue();
        assertThat(fp.of(11)).hasSize(1);
        assertThat(noWrites(fp.of(11))).isTrue();
        assertThat(fp.dependent(11, 12)).isTrue();
        assertThat(fp.dependent(4, 11)).isFalse();
    }

    @Test
    void closingAnOpenFileAndExitingItsProcessWriteTheFlock() {
        Kernel k = kernel();
        Flock flock = new Flock(k);
        SimProcess p = k.newProcess("p");
        SimProcess q = k.newProcess("q");
        OpenFile pf = new OpenFile(p, flock, "p");
        OpenFile qf = new OpenFile(q, flock, "q");

        stepsOf(k, () -> flock.lock(pf, false), pf::close, () -> flock.lock(qf, false), q::exit);

        Footprints fp = k.footprints();
        assertThat(fp.dependent(0, 1)).isTrue();
        assertThat(fp.dependent(1, 2)).isTrue();
        assertThat(fp.dependent(2, 3)).isTrue();
    }

    @Test
    void closingAListenerIsDependentWithTheClientReadingAConnectionItResets() {
        Kernel k = kernel();
        SocketFile socket = new SocketFile(k, "/s");
        SimProcess daemon = k.newProcess("daemon");
        SimProcess client = k.newProcess("client");
        Listener l = socket.bind(daemon);
        Connection.End[] c = new Connection.End[1];

        stepsOf(k, () -> c[0] = socket.connect(client), l::close, () -> c[0].peerClosed());

        // whether the client sees its peer closed depends on the order of the close and the read
        assertThat(k.footprints().dependent(1, 2)).isTrue();
    }
}
