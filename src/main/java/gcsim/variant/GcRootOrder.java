package gcsim.variant;

/** The order in which collectGarbage reads permanent and temporary roots (§2.7 G7, G8). */
public enum GcRootOrder {
    /** Baseline and master: G7 (gcroots, profiles, runtime roots) before G8 (temp roots files). */
    ROOTS_FIRST("roots-first"),
    /**
     * Proposed fix for the window of a root made permanent after G7 by a process that exits before
     * G8: read the temp roots first, so a root live at G8 was either seen there or made permanent
     * before G7.
     */
    TEMP_ROOTS_FIRST("temp-roots-first");

    private final String key;

    GcRootOrder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
