package gcsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real-thread implementation under {@code src/jcstress/java} is a second implementation of the
 * protocol, written from the same reference, so that jcstress can check what gcsim's model says on
 * real threads. It is only worth that if it borrows nothing from the simulator: its code, its
 * jcstress tests and its transcription for Lincheck ({@code src/lincheck/java}) name no gcsim
 * package. Only the agreement tool, which runs gcsim's search to set its verdicts beside
 * jcstress's, may.
 */
class RealThreadsIndependenceTest {
    private static final Path REAL_THREADS = Path.of("src", "jcstress", "java", "gcsim", "realthreads");
    private static final Path LINCHECK = Path.of("src", "lincheck", "java", "gcsim", "realthreads");
    private static final Pattern SIMULATOR =
            Pattern.compile("\\bgcsim\\.(model|kernel|scenario|variant|check|search|report|cli|differential)\\b");

    @Test
    void theRealThreadImplementationItsTestsAndItsLincheckTranscriptionNameNoSimulatorPackage() throws IOException {
        List<Path> files = new ArrayList<>(javaFiles(REAL_THREADS, false));
        files.addAll(javaFiles(REAL_THREADS.resolve("tests"), true));
        files.addAll(javaFiles(LINCHECK, true));
        assertThat(files).as("real-thread sources (is the working directory the project root?)").hasSizeGreaterThan(5);

        List<String> hits = new ArrayList<>();
        for (Path f : files) {
            Matcher m = SIMULATOR.matcher(ArchitectureTest.stripCommentsAndStrings(Files.readString(f, StandardCharsets.UTF_8)));
            while (m.find()) {
                hits.add(f + ": " + m.group());
            }
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void theCheckSeesAnImportOfTheModel() {
        String code = "package gcsim.realthreads;\nimport gcsim.model.Store; // gcsim.kernel in a comment\n";

        Matcher m = SIMULATOR.matcher(ArchitectureTest.stripCommentsAndStrings(code));

        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("gcsim.model");
        assertThat(m.find()).isFalse();
    }

    private static List<Path> javaFiles(Path dir, boolean recursive) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
