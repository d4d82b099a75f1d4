package gcsim.cli;

import gcsim.report.Publication;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM's entry point for the fault-injection test: runs gcsim on a {@link ToyProject} at
 * {@code args[0]} and dies at once (as from SIGKILL: no shutdown work, exit 137) just before the
 * publication's {@code args[1]}-th rename, counting the journal's write and its removal as renames
 * (0: never). SIGINT and SIGTERM are handled as by {@link Main#main}. With
 * {@code -Dgcsim.test.started=FILE}, FILE is created when the first execution runs.
 */
final class HaltAtRename {
    private HaltAtRename() {}

    public static void main(String[] args) {
        int haltAt = Integer.parseInt(args[1]);
        AtomicInteger seen = new AtomicInteger();
        Publication.onRename((from, to) -> {
            if (seen.incrementAndGet() == haltAt) {
                Runtime.getRuntime().halt(137);
            }
        });
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Interrupts.install(System.err);
        Project toy = new ToyProject(Path.of(args[0]));
        String started = System.getProperty("gcsim.test.started");
        if (started != null) { // says when the first execution runs: the command is under way, its summary set
            toy = new MarkFirstRun(toy, Path.of(started));
        }
        int code = Main.run(Arrays.copyOfRange(args, 2, args.length), out, System.err, toy);
        System.exit(code);
    }
}
