package gcsim.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads the arguments of a plain {@code gcsim search}, only {@code --option value} pairs and
 * {@code --json}, without picocli. Why: in a fresh JVM, picocli's model of the commands (built by
 * reflection over their annotations, through annotation proxies and generated accessors, from classes
 * that the JDK 17 class-data-sharing archive cannot hold because picocli is compiled for Java 5) was
 * more than half of the whole process's time to the seed failure. A search is what people, scripts
 * and the cold-start benchmark start most, so its plain form skips that model.
 *
 * <p>It takes only what picocli reads the same way. Anything else (a help or version option,
 * {@code --name=value}, an {@code @file}, a value that is empty or begins with {@code -} or
 * {@code @}, an option given twice, an unknown option or argument, a missing required option, a
 * {@code picocli.*} system property) makes {@link #parse} return null, and picocli parses the command
 * as before: its help, its error messages and its exit codes are the only ones. SearchArgsTest checks
 * that both readings agree, option by option, defaults included.
 */
final class SearchArgs {
    private SearchArgs() {}

    /** The command {@code args} asks for when it is a plain search, with every option set as picocli would set it; else null. */
    static SearchCommand parse(String[] args, Context ctx) {
        if (args.length < 1 || !"search".equals(args[0]) || picocliConfigured()) {
            return null;
        }
        SearchCommand c = new SearchCommand(ctx);
        c.schedules = Options.DEFAULT_SCHEDULES;
        c.seed = Options.DEFAULT_SEED;
        c.pctK = Options.DEFAULT_PCT_K;
        c.maxSteps = Options.DEFAULT_MAX_STEPS;
        Set<String> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!given.add(name)) {
                return null;
            }
            if (name.equals("--json")) {
                c.json = true;
                continue;
            }
            if (i + 1 == args.length || !plainValue(args[i + 1]) || !set(c, name, args[i + 1])) {
                return null;
            }
            i++;
        }
        return c.scenario == null || c.variant == null ? null : c;
    }

    /** Sets the option {@code name} to {@code value}; false when search has no such option taking a value. */
    private static boolean set(SearchCommand c, String name, String value) {
        switch (name) {
            case "--scenario" -> c.scenario = value;
            case "--variant" -> c.variant = value;
            case "--strategy" -> c.strategy = value;
            case "--order" -> c.order = value;
            case "--max-states" -> c.maxStates = value;
            case "--restore" -> c.restore = value;
            case "--schedules" -> c.schedules = value;
            case "--preemptions" -> c.preemptions = value;
            case "--max-executions" -> c.maxExecutions = value;
            case "--starvation" -> c.starvation = value;
            case "--seed" -> c.seed = value;
            case "--pct-depth" -> c.pctDepth = value;
            case "--pct-k" -> c.pctK = value;
            case "--max-steps" -> c.maxSteps = value;
            case "--threads" -> c.threads = value;
            case "--save-schedule" -> c.saveSchedule = value;
            case "--shard" -> c.shard = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A value picocli takes as it is: not empty, not option-like, not an {@code @file}. */
    private static boolean plainValue(String v) {
        return !v.isEmpty() && v.charAt(0) != '-' && v.charAt(0) != '@';
    }

    /** picocli reads system properties (trimQuotes, separators, tracing...); with any set, it alone decides. */
    private static boolean picocliConfigured() {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
