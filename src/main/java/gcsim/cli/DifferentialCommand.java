package gcsim.cli;

import gcsim.differential.Differential;
import gcsim.differential.NixGuard;
import gcsim.differential.NixInstall;
import gcsim.differential.NixVersion;
import gcsim.differential.Outcome;
import gcsim.variant.Variant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gcsim differential}: checks the model against a real Nix. Each generated sequential history
 * runs on a fresh real store in a temporary folder and in the model under the variant of that Nix
 * ({@code nix-2.8}, {@code nix-2.34}); every history whose outcomes differ gets one line with both
 * outcomes and its replay seed. Nix 2.8 is the host's (Debian bookworm's nix-bin); Nix 2.34 runs in
 * the sid chroot that {@code sim/sid-nix} makes, because bookworm cannot run it. Exit 0 when there is
 * no disagreement, 1 when there is one, 2 when the wanted Nix cannot be found.
 */
@Command(name = "differential", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Runs generated store histories on a real Nix (2.8 on the host, or 2.34 in a Debian sid chroot) and in"
                + " the model (variant nix-VERSION), and compares which paths survive nix-store --gc and what --print-dead lists.")
final class DifferentialCommand implements Callable<Integer> {
    static final String VARIANT = "nix-2.8";
    /** The versions this command can run, each with its variant {@code nix-VERSION}. */
    static final List<String> VERSIONS = List.of("2.8", "2.34");
    static final String DEFAULT_CHROOT = "/var/cache/gcsim/sid-nix";
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    @Option(names = "--histories", paramLabel = "N", defaultValue = "200",
            description = "How many histories to run (default: ${DEFAULT-VALUE}).")
    String histories;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Base seed; history i gets the i-th SplitMix64 output (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--nix", paramLabel = "VERSION", defaultValue = "2.8",
            description = "Which Nix: 2.8 (the host's nix-store) or 2.34 (sid's nix-bin in the chroot that sim/sid-nix makes)"
                    + " (default: ${DEFAULT-VALUE}).")
    String nixVersion;

    @Option(names = "--chroot", paramLabel = "DIR",
            description = "The sid chroot for --nix 2.34 (default: $GCSIM_SID_CHROOT, else " + DEFAULT_CHROOT + ").")
    String chroot;

    @Option(names = "--nix-store", paramLabel = "PATH",
            description = "The nix-store command (or its directory); nix-instantiate and nix-build must be beside it"
                    + " (default: nix-store on the PATH).")
    String nixStore;

    @Option(names = "--history", paramLabel = "SEED",
            description = "Replay one history by its seed, as printed with a disagreement, and show both outcomes in full.")
    String history;

    @Option(names = "--concurrent",
            description = "Instead of the sequential histories, run the concurrent ones: the collector held at Nix's test hooks"
                    + " (_NIX_TEST_GC_SYNC_1 and _2) while a client acts, against the model's replay (needs --nix 2.34).")
    boolean concurrent;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Histories run at once, each on its own store (default: ${DEFAULT-VALUE}).")
    String threads;

    /** To tell an option given on the command line from its default. */
    @Spec
    CommandSpec spec;

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
        if (!VERSIONS.contains(nixVersion)) {
            throw new BadInput("--nix: unknown version '" + nixVersion + "' (accepted: " + String.join(", ", VERSIONS) + ")");
        }
        if (concurrent && nixVersion.equals("2.8")) {
            throw new BadInput("--concurrent: needs --nix 2.34 (accepted: 2.34; Nix 2.8 lacks the collector's two test hooks)");
        }
        for (String sequentialOnly : List.of("--histories", "--seed", "--history")) {
            // the concurrent histories are a fixed set: a count or seed given for them would be ignored
            if (concurrent && spec != null && spec.commandLine().getParseResult().hasMatchedOption(sequentialOnly)) {
                throw new BadInput("--concurrent: runs its fixed set of concurrent histories, so " + sequentialOnly
                        + " does not apply (accepted with --concurrent: --nix 2.34, --chroot, --nix-store, --threads)");
            }
        }
        NixInstall nix = nixVersion.equals("2.8") ? findNix() : findChrootNix();
        Variant variant = Target.findVariant(ctx.project(), "nix-" + nixVersion);
        String again = nixVersion.equals("2.8") ? "" : " --nix " + nixVersion;
        Differential diff = new Differential(nix, Path.of(System.getProperty("java.io.tmpdir")), variant, workers);
        NixGuard guard = NixGuard.system();
        if (concurrent) {
            return concurrent(diff, nix, guard);
        }
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
                        + "; replay: sim/gcsim differential" + again + " --history " + s);
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
                + (workers == 1 ? "" : "s")) + " (" + (nix.root() == null ? "" : nix.root() + ":") + nix.nixStore() + ")");
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

    /** The concurrent histories: one line each, then the count; exit 1 on a disagreement. */
    private int concurrent(Differential diff, NixInstall nix, NixGuard guard) {
        PrintStream out = ctx.out();
        long start = System.nanoTime();
        int disagreements = 0;
        List<Differential.ConcurrentResult> results = diff.concurrent();
        for (Differential.ConcurrentResult r : results) {
            if (r.agrees()) {
                out.println(r.history().name() + ": agree, kept " + r.real().after());
            } else {
                disagreements++;
                out.println(r.history().name() + ": " + r.disagreement());
            }
        }
        boolean touched = !NixGuard.system().equals(guard);
        if (touched) {
            out.println("the machine's /nix changed while real Nix ran: a command escaped its temporary store");
        }
        out.println(results.size() + " concurrent histories, " + disagreements + (disagreements == 1 ? " disagreement" : " disagreements"));
        ctx.err().println("gcsim: " + results.size() + " concurrent histories in " + (System.nanoTime() - start) / 1_000_000
                + " ms (" + nix.root() + ":" + nix.nixStore() + ")");
        return disagreements == 0 && !touched ? 0 : 1;
    }

    /** Nix 2.34 in the chroot, checked by running it: the version must match and the chroot must work. */
    private NixInstall findChrootNix() throws BadInput {
        if (nixStore != null) {
            throw new BadInput("--nix-store: only with --nix 2.8 (--nix " + nixVersion + " runs the Nix of --chroot DIR)");
        }
        String env = System.getenv("GCSIM_SID_CHROOT");
        String dir = chroot != null ? chroot : env != null && !env.isEmpty() ? env : DEFAULT_CHROOT;
        Optional<NixInstall> found = NixInstall.inChroot(Path.of(dir));
        if (found.isEmpty()) {
            throw new BadInput("--chroot: no Nix in '" + dir + "' (accepted: a chroot made by sim/sid-nix --dir DIR;"
                    + " run sim/sid-nix as root to make it)");
        }
        String version = NixVersion.of(found.get(), Path.of(System.getProperty("java.io.tmpdir")));
        if (!version.startsWith(nixVersion + ".")) {
            throw new BadInput("--chroot: '" + dir + "' runs " + version + ", not Nix " + nixVersion
                    + " (accepted: a chroot made by sim/sid-nix; it needs root to run)");
        }
        return found.get();
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
