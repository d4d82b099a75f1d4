package gcsim.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * gcsim's command line: {@code list}, {@code search}, {@code replay}, {@code compare}, {@code merge},
 * {@code differential} and {@code bench}.
 *
 * <p>The contract other tools rely on: results on stdout, diagnostics on stderr; exit 0 when no
 * failure was found, 1 when one was found or reproduced, 2 for bad input (one line saying what and
 * what is accepted), 3 for a bug in gcsim. {@link #run} does all of it without exiting the JVM, so
 * tests can drive the real entry point in-process.
 *
 * <p>A plain {@code search} is read by {@link SearchArgs} without picocli, whose reflective model of
 * the commands was most of a fresh JVM's time to the seed failure; every other command line, and
 * every search with help, errors or unusual syntax, goes through picocli.
 */
@Command(name = "gcsim", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Deterministic race-reproduction simulator for the Nix store's garbage collector.")
public final class Main implements Callable<Integer> {

    @Override
    public Integer call() throws BadInput {
        throw new BadInput("missing command (accepted: list, search, replay, compare, merge, differential, bench; gcsim --help explains them)");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Interrupts.install(err);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command with the project at {@code -Dgcsim.home} (or the current directory); returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Project.fromSystem());
    }

    /** Runs one command against {@code project}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Project project) {
        Context ctx = new Context(project, out, err);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code;
        try {
            SearchCommand plain = SearchArgs.parse(args, ctx);
            code = plain != null ? callPlain(plain, err) : viaPicocli(args, ctx, outWriter, errWriter, err);
        } catch (RuntimeException | Error e) {
            code = Errors.report(e, err);
        }
        outWriter.flush();
        errWriter.flush();
        out.flush();
        err.flush();
        return code;
    }

    /** A plain search read by {@link SearchArgs}: what picocli would run, with its exceptions handled as picocli's handler does. */
    private static int callPlain(SearchCommand search, PrintStream err) {
        try {
            return search.call();
        } catch (Exception e) {
            return Errors.report(e, err);
        }
    }

    /**
     * Every other command line: picocli parses it, prints help and version, and names what is wrong.
     * When the first word names a command, only that command's model is built (picocli builds each
     * by reflection, a few tens of milliseconds in a fresh JVM), since nothing picocli prints for a
     * command mentions the others; otherwise all of them, for the top-level help and errors.
     */
    private static int viaPicocli(String[] args, Context ctx, PrintWriter outWriter, PrintWriter errWriter, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("list", () -> new ListCommand(ctx));
        commands.put("search", () -> new SearchCommand(ctx));
        commands.put("replay", () -> new ReplayCommand(ctx));
        commands.put("compare", () -> new CompareCommand(ctx));
        commands.put("merge", () -> new MergeCommand(ctx));
        commands.put("differential", () -> new DifferentialCommand(ctx));
        commands.put("bench", () -> new BenchCommand(ctx));
        boolean named = args.length > 0 && commands.containsKey(args[0]);
        commands.forEach((name, command) -> {
            if (!named || name.equals(args[0])) {
                cl.addSubcommand(name, command.get());
            }
        });
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        cl.setParameterExceptionHandler(new ParameterErrors(err));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> Errors.report(ex, err));
        return cl.execute(args);
    }
}
