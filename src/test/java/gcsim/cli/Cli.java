package gcsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs gcsim's real entry point in-process and keeps what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(Project project, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), project);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    /** The {@code replay: } line's command as arguments, without the launcher name; it has no quoted words in these tests. */
    String[] replayArgs() {
        String line = outLines().stream().filter(l -> l.startsWith("replay: ")).findFirst().orElseThrow();
        String[] words = line.substring("replay: ".length()).split(" ");
        return Arrays.copyOfRange(words, 1, words.length);
    }
}
