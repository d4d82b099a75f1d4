package gcsim.cli;

import gcsim.scenario.Text;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's parse errors rewritten as gcsim's one-line bad-input messages, with what is accepted,
 * e.g. {@code gcsim: unknown option '--foo' (accepted: --scenario, --variant, …)}: scripts and
 * people get the same short answer, never a usage dump or a stack trace.
 */
final class ParameterErrors implements CommandLine.IParameterExceptionHandler {
    private static final Pattern QUOTED_OPTION = Pattern.compile("'(-[^'=]+)'");
    private final PrintStream err;

    ParameterErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        err.println("gcsim: " + Errors.oneLine(message(ex)));
        return Errors.BAD_INPUT;
    }

    static String message(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String where = cl.getParent() == null ? "" : cl.getCommandName() + ": ";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (cl.getParent() == null && !first.startsWith("-")) {
                return "unknown command '" + Text.shown(first) + "' (accepted: " + String.join(", ", cl.getSubcommands().keySet()) + ")";
            }
            if (first.startsWith("-")) {
                return where + "unknown option '" + Text.shown(first) + "' (accepted: " + options(cl) + ")";
            }
            return where + "unexpected argument '" + Text.shown(first) + "' (accepted: " + options(cl) + ")";
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            String text = ex.getMessage();
            if (text.startsWith("Expected parameter") || text.startsWith("Missing required parameter for option")) {
                OptionSpec o = optionNamedIn(cl, text);
                String name = o == null ? "an option" : o.longestName();
                String label = o == null ? "a value" : o.paramLabel();
                return where + name + " needs a value (accepted: " + label + ")";
            }
            List<String> names = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                names.add(a instanceof OptionSpec o ? o.longestName() + " " + o.paramLabel() : a.paramLabel());
            }
            return where + "missing " + String.join(" and ", names) + " (accepted: " + options(cl) + ")";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException) {
            OptionSpec o = optionNamedIn(cl, ex.getMessage());
            return where + (o == null ? "an option" : o.longestName()) + " is given twice (accepted: each option once)";
        }
        String text = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return where + Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The option of {@code cl} named first, in quotes, in picocli's message; null when there is none. */
    private static OptionSpec optionNamedIn(CommandLine cl, String message) {
        Matcher m = QUOTED_OPTION.matcher(message == null ? "" : message);
        return m.find() ? cl.getCommandSpec().findOption(m.group(1)) : null;
    }

    /** The command's option names in declaration order, help options last. */
    static String options(CommandLine cl) {
        List<String> names = new ArrayList<>();
        List<String> help = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.hidden()) {
                continue;
            }
            (o.usageHelp() || o.versionHelp() ? help : names).add(o.longestName());
        }
        names.addAll(help);
        return String.join(", ", names);
    }
}
