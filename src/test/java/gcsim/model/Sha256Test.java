package gcsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void theEmptyMessageAndAbcHashToTheDigestsTheStandardPublishes() {
        assertThat(hex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void everyLengthAroundTheBlockBoundariesHashesAsMessageDigestDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(15158);
        for (int length = 0; length <= 200; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = (byte) random.nextInt(256);
            }
            assertThat(hex(Sha256.digest(message))).as("length %d", length)
                    .isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(message)));
        }
    }
}
