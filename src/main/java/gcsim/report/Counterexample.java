package gcsim.report;

import java.util.List;

/**
 * A failing cell's evidence: the failure, the shrunk schedule that reproduces it, its story, and how
 * much shrinking removed. Everything a reader needs to believe the race and to replay it.
 *
 * @param failure what failed, as the oracle reported it
 * @param foundSeed the seed of the schedule that first failed (random and PCT), else null
 * @param foundPctK PCT's k for that schedule, else null
 * @param choices the shrunk schedule, in the {@code g1.…} encoding
 * @param scheduleFile where the report put the schedule file, as the replay command names it
 * @param replay the command that replays the shrunk schedule
 * @param shrink the figures before and after shrinking
 * @param story the shrunk execution's story, numbered from 1; the last step is the failure
 * @param states the state after each story step, one per story line (empty when not taken)
 */
public record Counterexample(FailureInfo failure, Long foundSeed, Integer foundPctK, String choices, String scheduleFile,
                             String replay, Shrink shrink, List<StoryStep> story, List<StateView.Row> states) {

    /** A counterexample without state snapshots. */
    public Counterexample(FailureInfo failure, Long foundSeed, Integer foundPctK, String choices, String scheduleFile,
                          String replay, Shrink shrink, List<StoryStep> story) {
        this(failure, foundSeed, foundPctK, choices, scheduleFile, replay, shrink, story, List.of());
    }

    /** The oracle's failure: see {@link gcsim.check.Failure}. */
    public record FailureInfo(String kind, String check, String path, String message, String actor, int step) {}

    /** A schedule's size. */
    public record Size(int preemptions, int choices, int steps) {}

    /**
     * @param candidates candidate schedules run while shrinking
     * @param oneMinimal true when undoing any single remaining preemption makes the failure vanish
     */
    public record Shrink(Size before, Size after, int candidates, boolean oneMinimal) {}

    /**
     * One numbered line of the story.
     *
     * @param failing true for the line that reports the failure (the last one)
     * @param from the actor whose previous line this one answers (a client's request reaching its
     *     worker, a worker's reply, a thread handing over to another of its process, a temp root
     *     reaching a collector), for the diagrams' arrows; null when it answers nobody
     * @param time the virtual time of the step, in nanoseconds, for the timeline's time axis
     */
    public record StoryStep(int number, String actor, String text, boolean failing, String from, long time) {
        /** The line as {@link Story#lines} prints it: {@code N. actor: text}. */
        public String line() {
            return number + ". " + actor + ": " + text;
        }
    }
}
