package gcsim.check;

import gcsim.kernel.Actor;
import gcsim.kernel.Fault;
import gcsim.kernel.Kernel;
import gcsim.kernel.Observer;
import gcsim.kernel.Outcome;
import gcsim.model.NixError;
import gcsim.model.World;
import gcsim.scenario.Scenario;
import java.util.List;

/**
 * The checks applied while an execution runs: a client process ending with the error a real Nix
 * would print, the store invariant after every step that wrote the DB, and at the end deadlock.
 * The first failure stops the execution.
 */
final class Oracles implements Observer {
    private final World world;
    private Failure failure;

    Oracles(World world) {
        this.world = world;
    }

    Failure failure() {
        return failure;
    }

    @Override
    public void afterStep(Kernel kernel, Actor actor) {
        if (failure != null) {
            return;
        }
        Fault f = actor.failure();
        if (f != null && actor.done()) {
            failure = describe(kernel, actor, f);
            kernel.story("error: " + f.getMessage());
            kernel.stop(failure.kind());
            return;
        }
        if (world.db().takeDirty()) {
            int bad = world.db().firstDanglingReference();
            if (bad >= 0) {
                String p = world.layout().full(bad >>> 16);
                String r = world.layout().full(bad & 0xffff);
                failure = new Failure("invariant", "store invariant (every valid path's references are valid)", r,
                        "valid path '" + p + "' refers to '" + r + "', which is not valid", actor.name(), kernel.steps());
                kernel.story("invariant broken: " + failure.message());
                kernel.stop("invariant");
            }
        }
    }

    private Failure describe(Kernel kernel, Actor actor, Fault f) {
        boolean client = world.isClient(actor.process());
        if (f instanceof NixError e && NixError.TERMINATE.equals(e.kind())) { // a crash of Nix, whoever it hits
            return new Failure("crash", e.check(), null, e.getMessage(), actor.name(), kernel.steps());
        }
        if (f instanceof NixError e && client) {
            String kind = switch (e.kind()) {
                case NixError.INVALID_PATH -> "invalid-path";
                case NixError.MISSING_FILE -> "missing-file";
                case NixError.MISSING_DERIVATION -> "missing-derivation";
                case NixError.DAEMON_EOF -> "daemon-crash";
                case NixError.ABORT -> "abort";
                case NixError.DEPENDENCY_FAILED -> "dependency-failed";
                default -> "error";
            };
            return new Failure(kind, e.check(), e.path(), e.getMessage(), actor.name(), kernel.steps());
        }
        // Anything else escaping an actor is a fault of the model, never of Nix: say so loudly.
        return new Failure("internal", "model: uncaught " + f.kind() + " in " + actor.name(), null,
                f.getMessage(), actor.name(), kernel.steps());
    }

    /** For a deadlock: "; A waits for X, held by B" for each blocked actor whose wait can say what it is for. */
    private static String waits(Kernel kernel) {
        StringBuilder b = new StringBuilder();
        for (Actor a : kernel.actors()) {
            String what = a.blocked() ? a.waitsFor() : null;
            if (what != null) {
                b.append("; ").append(a.name()).append(" waits for ").append(what);
            }
        }
        return b.toString();
    }

    /** The end-of-run checks: a deadlock is a failure; so is a broken expectation of a complete run. */
    Failure atEnd(Kernel kernel, Outcome outcome, List<Scenario.Expectation> expect) {
        if (failure == null && outcome.end() == Outcome.End.DEADLOCK) {
            failure = new Failure("deadlock", "kernel: nothing can run and no timer is pending", null,
                    "deadlock: blocked " + String.join(", ", outcome.blocked()) + waits(kernel), String.join(", ", outcome.blocked()),
                    outcome.steps());
        }
        if (failure == null && outcome.end() == Outcome.End.COMPLETE) {
            for (Scenario.Expectation e : expect) {
                int p = world.layout().id(e.path());
                boolean valid = world.db().isValid(p);
                boolean onDisk = world.store().exists(p);
                boolean holds = e.kind() == Scenario.Expectation.Kind.VALID ? valid && onDisk : !valid && !onDisk;
                if (!holds) {
                    String full = world.layout().full(p);
                    failure = new Failure("expectation", "expect at " + java.nio.file.Path.of(e.pos().file()).getFileName()
                            + ":" + e.pos().line() + ":" + e.pos().column(), full,
                            "expected '" + full + "' to be " + (e.kind() == Scenario.Expectation.Kind.VALID ? "valid" : "gone")
                                    + " at the end, but it is " + (valid ? "valid" : onDisk ? "invalid but on disk" : "gone"),
                            null, outcome.steps());
                    break;
                }
            }
        }
        return failure;
    }
}
