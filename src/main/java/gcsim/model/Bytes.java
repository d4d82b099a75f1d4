package gcsim.model;

/** Sizes as Nix options write them: 512M, 1G, 2K, or plain bytes. */
public final class Bytes {
    private Bytes() {}

    public static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "unlimited";
        }
        String[] units = {"G", "M", "K"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % sizes[i] == 0) {
                return bytes / sizes[i] + units[i];
            }
            if (Math.abs(bytes) >= sizes[i]) {
                break;
            }
        }
        for (int i = 0; i < units.length; i++) {
            if (Math.abs(bytes) >= sizes[i]) { // not exact: one decimal is what a reader needs
                return java.math.BigDecimal.valueOf(bytes * 10 / sizes[i], 1).toPlainString() + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
