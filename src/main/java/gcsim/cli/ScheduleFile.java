package gcsim.cli;

import gcsim.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A failing schedule saved to a file, so it can be attached to a bug report or kept as a regression
 * case. The format is a few lines of text:
 *
 * <pre>
 * gcsim-schedule 1
 * gcsim-version: 0.2.0
 * scenario: hosts-drv
 * variant: early-return
 * choices: g1.…
 * scenario-sha256: 3f1c…
 * </pre>
 *
 * followed, only when the search used a non-default step bound, by {@code max-steps: N}. The scenario
 * is named so that it resolves from any directory ({@link Target#designation}); its content hash lets
 * replay warn when the scenario was edited after the schedule was saved. Files without the hash
 * (older ones) replay without that check.
 *
 * @param maxSteps the step bound of the run, or null for the default
 * @param scenarioSha256 the scenario file's SHA-256 when the schedule was saved, or null
 */
record ScheduleFile(String version, String scenario, String variant, String choices, Integer maxSteps,
                    String scenarioSha256) {
    static final String HEADER = "gcsim-schedule 1";
    private static final List<String> KEYS = List.of("gcsim-version", "scenario", "variant", "choices", "max-steps",
            "scenario-sha256");

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n');
        sb.append("gcsim-version: ").append(version).append('\n');
        sb.append("scenario: ").append(scenario).append('\n');
        sb.append("variant: ").append(variant).append('\n');
        sb.append("choices: ").append(choices).append('\n');
        if (scenarioSha256 != null) {
            sb.append("scenario-sha256: ").append(scenarioSha256).append('\n');
        }
        if (maxSteps != null) {
            sb.append("max-steps: ").append(maxSteps).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the file atomically: into a temporary file beside it, then one rename, so that a kill at
     * any moment leaves either the previous file or the new one, never a truncated one.
     */
    void write(Path file) throws BadInput {
        try {
            AtomicFiles.write(file, text());
        } catch (IOException e) {
            throw new BadInput("--save-schedule: cannot write '" + file + "': " + AtomicFiles.describe(e)
                    + " (accepted: a writable file path)");
        }
    }

    /**
     * Checks before a search starts that {@code file} can be written (its folder exists or can be made
     * and is writable, and it is not a folder itself), so a failure found later is never lost to a bad path.
     */
    static void checkWritable(String option, Path file) throws BadInput {
        try {
            AtomicFiles.checkWritable(file);
        } catch (IOException e) {
            throw new BadInput(option + ": cannot write '" + file + "': " + AtomicFiles.describe(e) + " (accepted: a writable file path)");
        }
    }

    static ScheduleFile read(Path file) throws BadInput {
        List<String> lines = ScheduleText.lines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new BadInput(file + ":1: expected '" + HEADER + "' (accepted: a file written by search --save-schedule)");
        }
        String[] values = new String[KEYS.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).strip();
            int k = KEYS.indexOf(key);
            if (colon < 0 || k < 0) {
                throw new BadInput(file + ":" + (i + 1) + ": unknown line '" + line + "' (accepted keys: "
                        + String.join(", ", KEYS) + ")");
            }
            if (seen.contains(key)) {
                throw new BadInput(file + ":" + (i + 1) + ": '" + key + "' given twice (accepted: each key once)");
            }
            seen.add(key);
            values[k] = line.substring(colon + 1).strip();
        }
        for (int k = 0; k < 4; k++) {
            if (values[k] == null || values[k].isEmpty()) {
                throw new BadInput(file + ": missing '" + KEYS.get(k) + ":' (accepted keys: " + String.join(", ", KEYS) + ")");
            }
        }
        Integer maxSteps = values[4] == null ? null : Numbers.positiveInt(file + ": max-steps", values[4]);
        return new ScheduleFile(values[0], values[1], values[2], values[3], maxSteps, values[5]);
    }
}
