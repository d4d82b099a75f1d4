package gcsim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Test-only frame built from lambdas: runs its steps in order, one lambda per {@link Frame#step}
 * call. The program counter is advanced before a lambda runs, so a lambda returning {@code YIELD}
 * or {@code WAIT} resumes at the next lambda; {@link #retryAfter} waits and then re-runs the same
 * lambda (the "while (!cond) wait;" pattern). After the last lambda the frame returns
 * {@link #returning(Object) its value}, which is one more step if the last lambda yielded.
 */
final class Script extends Frame {
    /** One piece of the step machine. */
    interface Step {
        Control run(Actor self);
    }

    private final List<Step> steps;
    private Object value;
    private Predicate<Fault> catches = f -> false;
    private int resumeAt = -1;
    final List<Fault> caught = new ArrayList<>();

    private Script(List<Step> steps) {
        this.steps = steps;
    }

    static Script of(Step... steps) {
        return new Script(List.of(steps));
    }

    static Script of(List<Step> steps) {
        return new Script(List.copyOf(steps));
    }

    /** A script that yields forever. */
    static Script forever() {
        return of(self -> {
            ((Script) self.top).pc = 0;
            return Control.YIELD;
        });
    }

    /** The value returned to the caller once every lambda has run. */
    Script returning(Object v) {
        value = v;
        return this;
    }

    /** Handles faults of {@code kind} by resuming at lambda {@code index}. */
    Script onFault(String kind, int index) {
        return catching(f -> f.kind().equals(kind), index);
    }

    Script catching(Predicate<Fault> which, int index) {
        catches = which;
        resumeAt = index;
        return this;
    }

    int pc() {
        return pc;
    }

    @Override
    protected Control step(Actor self) {
        if (pc >= steps.size()) {
            return self.ret(value);
        }
        return steps.get(pc++).run(self);
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        if (catches.test(fault)) {
            caught.add(fault);
            pc = resumeAt;
            return true;
        }
        return false;
    }

    /** From inside a lambda: wait for {@code g}, then run the same lambda again. */
    static Control retryAfter(Actor self, Guard g) {
        ((Script) self.top).pc--;
        return self.await(g);
    }

    /** From inside a lambda: wait for work on {@code g} (a service wait), then run the same lambda again. */
    static Control retryAfterWork(Actor self, Guard g) {
        ((Script) self.top).pc--;
        return self.awaitWork(g);
    }

    /** From inside a lambda: a scheduling point, then lambda {@code index}. */
    static Control yieldTo(Actor self, int index) {
        ((Script) self.top).pc = index;
        return Control.YIELD;
    }

    /** From inside a lambda: continue at lambda {@code index} without a scheduling point. */
    static Control jump(Actor self, int index) {
        ((Script) self.top).pc = index;
        return Control.CONTINUE;
    }

    // ---- common steps ----

    static Step log(List<String> log, String text) {
        return self -> {
            log.add(text);
            return Control.YIELD;
        };
    }

    static Step lockFlock(OpenFile f, boolean exclusive) {
        return self -> {
            if (!f.lock().canLock(f, exclusive)) {
                return retryAfter(self, f.lock().lockable(f, exclusive));
            }
            f.lock().lock(f, exclusive);
            return Control.YIELD;
        };
    }

    static Step lockMutex(Mutex m) {
        return self -> {
            if (!m.isFree() && m.holder() != self) {
                return retryAfter(self, m.free());
            }
            m.lock(self);
            return Control.YIELD;
        };
    }

    static Step yieldStep() {
        return self -> Control.YIELD;
    }
}
