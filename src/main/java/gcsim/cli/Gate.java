package gcsim.cli;

import gcsim.report.CheckOutput;
import gcsim.report.CompareReport;
import gcsim.report.Expected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options by which {@code compare} and {@code merge} gate CI on the expected verdicts, and what
 * they do once the report is written: print each changed cell, write JUnit XML, print GitHub
 * annotations, or write the expected verdicts from the run. Shared as a picocli mixin so that a
 * sharded run's merge checks exactly as a single run does.
 */
final class Gate {
    static final String DEFAULT_EXPECTED = "results/expected.yaml";

    @Option(names = "--expected", paramLabel = "FILE",
            description = "Expected verdict per cell (default: " + DEFAULT_EXPECTED + " in the project).")
    String expected;

    @Option(names = "--check", description = "Exit 1 when a cell's verdict differs from the expected one; print each change.")
    boolean check;

    @Option(names = "--write-expected", description = "Write the run's verdicts to the expected-verdicts file.")
    boolean writeExpected;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: one test case per cell, failed when it changed.")
    String junit;

    @Option(names = "--github", description = "Print a GitHub Actions error annotation per changed cell.")
    boolean github;

    /** The expected-verdicts file. */
    Path file(Project project) {
        return expected == null ? project.home().resolve(DEFAULT_EXPECTED) : Target.locate(project, expected);
    }

    /** How the report names the file: project-relative when inside the project. */
    String shown(Project project) {
        return ShownPath.shown(project.home(), file(project));
    }

    /**
     * The expected verdicts to compare {@code report} with: the run's own with {@code --write-expected},
     * else {@code fromFile}.
     */
    Expected forReport(Project project, CompareReport report, Expected fromFile) {
        return writeExpected ? Expected.parse(shown(project), Expected.render(report)) : fromFile;
    }

    /**
     * The expected-verdicts file, read before any cell runs so that a bad file is reported at once;
     * null when there is none (an error when {@code --check} or {@code --expected} needs it) or when
     * {@code --write-expected} will replace it.
     */
    Expected load(Project project) throws BadInput {
        String name = shown(project);
        if (writeExpected) {
            return null;
        }
        Path f = file(project);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (check || expected != null) {
                throw new BadInput("--expected: no such file '" + f + "' (accepted: a file written by --write-expected)");
            }
            return null;
        } catch (IOException e) {
            throw new BadInput("--expected: cannot read '" + f + "': " + e.getMessage());
        }
        try {
            return Expected.parse(name, text);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /**
     * After the report is written: writes the expected verdicts, JUnit XML and annotations asked for,
     * prints each change; returns 1 when {@code --check} found a change, else 0.
     */
    int apply(Context ctx, CompareReport report, Expected exp, String pages) throws BadInput {
        Project project = ctx.project();
        if (writeExpected) {
            Path f = file(project);
            writeAtomically(f, Expected.render(report), "--write-expected");
            ctx.out().println("expected verdicts: " + shown(project) + " (" + report.cells().size() + " cells)");
        }
        List<Expected.Change> changes = exp == null ? List.of() : exp.changes(report);
        if (exp != null) {
            ctx.out().println("check: " + (changes.isEmpty() ? "every cell has its expected verdict"
                    : changes.size() + " cell(s) differ from " + shown(project)));
            for (Expected.Change c : changes) {
                ctx.out().println("changed: " + c.text());
            }
        }
        if (github && !changes.isEmpty()) {
            ctx.out().print(CheckOutput.github(changes, shown(project)));
        }
        if (junit != null) {
            writeAtomically(Path.of(junit), CheckOutput.junit(report, changes, pages), "--junit");
        }
        return check && !changes.isEmpty() ? 1 : 0;
    }

    private static void writeAtomically(Path file, String text, String option) throws BadInput {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BadInput(option + ": cannot write '" + file + "': " + e.getMessage() + " (accepted: a writable file path)");
        }
    }
}
