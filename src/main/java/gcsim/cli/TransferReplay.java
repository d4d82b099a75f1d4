package gcsim.cli;

import gcsim.report.Json;
import gcsim.report.StateView;
import gcsim.report.TracePrinter;
import gcsim.report.TransferView;
import gcsim.scenario.ScenarioException;
import gcsim.search.transfer.Transfer;
import gcsim.search.transfer.TransferOutcome;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code replay --schedule FILE --variant OTHER}: carries the file's counterexample to another variant
 * of its scenario and says what the same window does there. Exit 1 when it still fails, 0 when the
 * window is closed, 2 when the schedule cannot be carried over.
 */
final class TransferReplay {
    private final Context ctx;

    TransferReplay(Context ctx) {
        this.ctx = ctx;
    }

    int run(ScheduleFile file, String scenarioArg, String variantId, int bound, boolean json, boolean state)
            throws BadInput, ScenarioException {
        Target from = Target.load(ctx.project(), file.scenario(), file.variant());
        if (scenarioArg != null && !sameScenario(scenarioArg, file.scenario())) {
            throw new BadInput("not transferable: the schedule is a counterexample of scenario '" + file.scenario()
                    + "', and a schedule carries over to another variant of its own scenario only (accepted: --scenario '"
                    + file.scenario() + "', or leave --scenario out)");
        }
        Target to = Target.load(ctx.project(), file.scenario(), variantId);
        gcsim.kernel.Schedule schedule;
        try {
            schedule = gcsim.kernel.Schedule.decode(file.choices().strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("choices: " + e.getMessage());
        }
        TransferOutcome o = Transfer.of(ctx.project().executor(from.scenario(), from.variant(), bound), schedule,
                ctx.project().executor(to.scenario(), to.variant(), bound));
        if (json) {
            Json j = Json.object()
                    .put("scenario", to.scenario().name())
                    .put("variant", to.variant().id())
                    .put("from", from.variant().id())
                    .put("strategy", "transfer")
                    .put("verdict", o.stillFails() ? "fail" : o.kind() == TransferOutcome.Kind.CLOSED ? "pass" : "error")
                    .put("outcome", TransferView.json(o))
                    .put("failure", o.transferred() == null ? null : Reports.failure(o.transferred().failure()))
                    .put("original", TransferView.originalStory(o))
                    .put("story", TransferView.transferredStory(o));
            if (state) {
                j.put("states", StateView.json(TransferView.transferredRows(o)));
            }
            ctx.out().println(j.toString());
        } else {
            text(o, from, to, state);
        }
        if (o.kind() == TransferOutcome.Kind.NOT_TRANSFERABLE) {
            return Errors.BAD_INPUT;
        }
        return o.stillFails() ? 1 : 0;
    }

    private boolean sameScenario(String given, String inFile) throws BadInput {
        if (given.equals(inFile)) {
            return true;
        }
        Path a = Target.resolveScenario(ctx.project(), given).toAbsolutePath().normalize();
        Path b = Target.resolveScenario(ctx.project(), inFile).toAbsolutePath().normalize();
        return a.equals(b);
    }

    private void text(TransferOutcome o, Target from, Target to, boolean state) {
        PrintStream out = ctx.out();
        if (o.transferred() != null) {
            for (String line : TracePrinter.lines(o.transferred().trace())) {
                out.println(line);
            }
            out.println();
        }
        for (String line : TransferView.sideBySide("story under " + from.variant().id() + " (the counterexample):",
                TransferView.originalStory(o), "story under " + to.variant().id() + " (transferred):",
                TransferView.transferredStory(o))) {
            out.println(line);
        }
        out.println();
        if (state && o.transferred() != null) {
            out.println("story under " + to.variant().id() + ", with the state after each step:");
            for (String line : StateView.text(TransferView.transferredRows(o))) {
                out.println(line);
            }
            out.println();
        }
        out.println("transfer: " + from.scenario().name() + " from " + from.variant().id() + " to " + to.variant().id());
        out.println("outcome: " + TransferView.outcomeLine(o));
    }
}
