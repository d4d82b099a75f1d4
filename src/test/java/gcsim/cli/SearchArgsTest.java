package gcsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A plain search read without picocli ({@link SearchArgs}) runs exactly the command picocli would have
 * built, and everything else is left to picocli, so help, errors and exit codes stay picocli's.
 */
class SearchArgsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;
    Context ctx;

    @BeforeEach
    void setUp() {
        ctx = new Context(ToyProject.create(dir), NOWHERE, NOWHERE);
    }

    @Test
    void withOnlyTheRequiredOptionsEveryOtherOptionHasPicoclisDefault() {
        assertSameReading("search", "--scenario", "claim", "--variant", "unlocked");
    }

    @Test
    void everyOptionOfSearchIsReadAsPicocliReadsIt() {
        List<OptionSpec> options = new CommandLine(new SearchCommand(ctx)).getCommandSpec().options();
        int checked = 0;
        for (OptionSpec o : options) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("search"));
            if (!o.longestName().equals("--scenario")) {
                args.addAll(List.of("--scenario", "claim"));
            }
            if (!o.longestName().equals("--variant")) {
                args.addAll(List.of("--variant", "unlocked"));
            }
            args.add(o.longestName());
            if (o.arity().max() > 0) {
                args.add("v" + o.longestName().length()); // a value that no default has
            }
            assertSameReading(args.toArray(String[]::new));
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void optionsInAnyOrderAreReadAsPicocliReadsThem() {
        assertSameReading("search", "--json", "--seed", "12", "--variant", "locked", "--threads", "1", "--scenario",
                "window.yaml", "--strategy", "pct", "--pct-depth", "2");
    }

    @Test
    void whatPicocliMightReadDifferentlyIsLeftToPicocli() {
        String[][] left = {
            {}, {"list"}, {"search"}, {"search", "--help"}, {"search", "-h"}, {"search", "--version"}, {"search", "-V"},
            {"--help", "search"}, {"search", "--scenario", "claim"}, {"search", "--variant", "unlocked"},
            {"search", "--scenario=claim", "--variant", "unlocked"}, {"search", "--scenario", "claim", "--variant", "unlocked", "--json=true"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--seed", "-5"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--seed", ""},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--seed"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--seed", "1", "--seed", "2"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--json", "--json"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--foo", "1"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "extra"},
            {"search", "--scenario", "@args.txt", "--variant", "unlocked"}, {"search", "@args.txt"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--"},
            {"search", "--scenario", "claim", "--variant", "unlocked", "--seed", "--json"},
        };
        for (String[] args : left) {
            assertThat(SearchArgs.parse(args, ctx)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void aPlainSearchPrintsTheSameBytesAsTheSameSearchReadByPicocli() {
        String[][][] pairs = {
            {{"search", "--scenario", "claim", "--variant", "unlocked", "--seed", "3"},
                {"search", "--scenario", "claim", "--variant", "unlocked", "--seed=3"}},
            {{"search", "--scenario", "claim", "--variant", "unlocked", "--seed", "5", "--json", "--threads", "1"},
                {"search", "--scenario", "claim", "--variant", "unlocked", "--seed=5", "--json", "--threads", "1"}},
            {{"search", "--scenario", "claim", "--variant", "locked", "--schedules", "50", "--strategy", "random"},
                {"search", "--scenario", "claim", "--variant", "locked", "--schedules=50", "--strategy", "random"}},
            {{"search", "--scenario", "claim", "--variant", "unlocked", "--strategy", "nope"},
                {"search", "--scenario", "claim", "--variant", "unlocked", "--strategy=nope"}},
            {{"search", "--scenario", "claim", "--variant", "crashing", "--strategy", "random"},
                {"search", "--scenario", "claim", "--variant", "crashing", "--strategy=random"}},
            {{"search", "--scenario", "broken", "--variant", "unlocked"},
                {"search", "--scenario=broken", "--variant", "unlocked"}},
        };
        for (String[][] pair : pairs) {
            assertThat(SearchArgs.parse(pair[0], ctx)).isNotNull();
            assertThat(SearchArgs.parse(pair[1], ctx)).isNull();
            Cli plain = Cli.run(ctx.project(), pair[0]);
            Cli picocli = Cli.run(ctx.project(), pair[1]);
            assertThat(plain.code()).as(String.join(" ", pair[0])).isEqualTo(picocli.code());
            assertThat(untimed(plain.out())).as(String.join(" ", pair[0])).isEqualTo(untimed(picocli.out()));
            assertThat(untimed(plain.err())).as(String.join(" ", pair[0])).isEqualTo(untimed(picocli.err()));
        }
    }

    /** {@code text} with the times and rates a search measures (the only bytes that differ from run to run) blanked. */
    private static String untimed(String text) {
        return text.replaceAll("\\d+ ms", "_ ms").replaceAll("\"elapsedMs\":\\d+", "\"elapsedMs\":_")
                .replaceAll("\"schedulesPerSecond\":[0-9.e+E-]+", "\"schedulesPerSecond\":_")
                .replaceAll("\\([^()]* per second\\)", "(_ per second)").replaceAll("per second: .*", "per second: _");
    }

    /** SearchArgs reads {@code args} as picocli does: every option field of the command has the same value. */
    private void assertSameReading(String... args) {
        SearchCommand plain = SearchArgs.parse(args, ctx);
        assertThat(plain).as("read without picocli: %s", String.join(" ", args)).isNotNull();
        SearchCommand viaPicocli = new SearchCommand(ctx);
        new CommandLine(viaPicocli).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
        assertThat(options(plain)).as(String.join(" ", args)).isEqualTo(options(viaPicocli));
    }

    private static Map<String, Object> options(SearchCommand c) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : SearchCommand.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class)) {
                try {
                    f.setAccessible(true);
                    values.put(f.getName(), f.get(c));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(values).hasSizeGreaterThan(15);
        return values;
    }
}
