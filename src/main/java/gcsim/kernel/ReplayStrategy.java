package gcsim.kernel;

/** Makes exactly the choices of a recorded {@link Schedule}, and refuses to guess past its end. */
public final class ReplayStrategy implements Strategy {
    private final IntList choices;
    private int next;

    public ReplayStrategy(Schedule schedule) {
        this.choices = schedule.choices();
    }

    @Override
    public void beginExecution() {
        next = 0;
    }

    /** True once every recorded choice has been used. */
    public boolean exhausted() {
        return next >= choices.size();
    }

    private int take(String what) {
        if (next >= choices.size()) {
            throw new ScheduleMismatch("the schedule ends after " + choices.size()
                    + " choices but the execution needs another (" + what + ")");
        }
        return choices.get(next++);
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        int raw = take("which actor runs");
        int wanted = raw == 0 ? Kernel.ADVANCE_CLOCK : raw - 1;
        for (int i = 0; i < count; i++) {
            if (options[i] == wanted) {
                return wanted;
            }
        }
        throw new ScheduleMismatch("choice " + next + " picks "
                + (raw == 0 ? "a clock advance" : "actor " + (raw - 1)) + ", which cannot run there");
    }

    @Override
    public int nextValue(int bound) {
        int v = take("a value below " + bound);
        if (v < 0 || v >= bound) {
            throw new ScheduleMismatch("choice " + next + " is " + v + ", not below " + bound);
        }
        return v;
    }
}
