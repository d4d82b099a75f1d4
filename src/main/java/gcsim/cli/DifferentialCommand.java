package gcsim.cli;

import gcsim.differential.Differential;
import gcsim.differential.NixGuard;
import gcsim.differential.NixInstall;
import gcsim.differential.Outcome;
import gcsim.variant.Variant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gcsim differential}: checks the model against real Nix 2.8. Each generated sequential
 * history runs on a fresh real store in a temporary folder and in the model under the {@code nix-2.8}
 * variant; every history whose outcomes differ gets one line with both outcomes and its replay seed.
 * Exit 0 when there is no disagreement, 1 when there is one, 2 when no nix-store can be found.
 */
@Command(name = "differential", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Runs generated store histories on real Nix 2.8 and in the model (variant nix-2.8), and compares"
                + " which paths survive nix-store --gc and what --print-dead lists.")
final class DifferentialCommand implements Callable<Integer> {
    static final String VARIANT = "nix-2.8";
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    @Option(names = "--histories", paramLabel = "N", defaultValue = "200",
            description = "How many histories to run (default: ${DEFAULT-VALUE}).")
    String histories;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Base seed; history i gets the i-th SplitMix64 output (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--nix-store", paramLabel = "PATH",
            description = "The nix-store command (or its directory); nix-instantiate and nix-build must be beside it"
                    + " (default: nix-store on the PATH).")
    String nixStore;

    @Option(names = "--history", paramLabel = "SEED",
            description = "Replay one history by its seed, as printed with a disagreement, and show both outcomes in full.")
    String history;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Histories run at once, each on its own store (default: ${DEFAULT-VALUE}).")
    String threads;

    private final Context ctx;

    DifferentialCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        int n = Numbers.positiveInt("--histories", histories);
        long base = Numbers.seed("--seed", seed);
        int workers = Numbers.threads(threads);
        Long one = history == null ? null : Numbers.seed("--history", history);
        NixInstall nix = findNix();
        Variant variant = Target.findVariant(ctx.project(), VARIANT);
        Differential diff = new Differential(nix, Path.of(System.getProperty("java.io.tmpdir")), variant, workers);
        NixGuard guard = NixGuard.system();
        PrintStream out = ctx.out();
        long start = System.nanoTime();
        List<Differential.Result> results;
        if (one != null) {
            Differential.Result r = diff.check(one);
            r.history().describe().forEach(out::println);
            show(out, "real", r.real());
            show(out, "model", r.model());
            results = List.of(r);
        } else {
            long[] last = {start};
            results = diff.run(base, n, done -> {
                long now = System.nanoTime();
                if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                    last[0] = now;
                    ctx.err().println("gcsim: " + done + " of " + n + " histories so far");
                }
            });
        }
        int disagreements = 0;
        for (int i = 0; i < results.size(); i++) {
            Differential.Result r = results.get(i);
            if (!r.agrees()) {
                disagreements++;
                long s = r.history().seed();
                out.println((one == null ? "history " + i + ", " : "") + "seed " + s + ": " + r.disagreement()
                        + "; replay: sim/gcsim differential --history " + s);
            }
        }
        boolean touched = !NixGuard.system().equals(guard);
        if (touched) {
            out.println("the machine's /nix changed while real Nix ran: a command escaped its temporary store");
        }
        out.println(results.size() + (results.size() == 1 ? " history, " : " histories, ") + disagreements
                + (disagreements == 1 ? " disagreement" : " disagreements"));
        ctx.err().println("gcsim: " + (one != null ? "1 history" : results.size() + " histories") + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms" + (one != null ? "" : " on " + workers + " thread"
                + (workers == 1 ? "" : "s")) + " (" + nix.nixStore() + ")");
        return disagreements == 0 && !touched ? 0 : 1;
    }

    private NixInstall findNix() throws BadInput {
        Optional<NixInstall> found = NixInstall.find(nixStore, nixStore == null ? System.getenv("PATH") : null);
        if (found.isPresent()) {
            return found.get();
        }
        if (nixStore != null) {
            throw new BadInput("--nix-store: no nix-store at '" + nixStore
                    + "' (accepted: the nix-store command, or its directory, with nix-instantiate and nix-build beside it)");
        }
        throw new BadInput("differential: no nix-store found on the PATH (accepted: Nix 2.8 installed, e.g. Debian's nix-bin,"
                + " or --nix-store PATH)");
    }

    private static void show(PrintStream out, String side, Outcome o) {
        if (o.error() != null) {
            out.println(side + ": " + o.error());
            return;
        }
        out.println(side + ": valid before the collection " + o.before());
        out.println(side + ": --print-dead " + o.dead());
        out.println(side + ": left after --gc " + o.after());
    }
}
