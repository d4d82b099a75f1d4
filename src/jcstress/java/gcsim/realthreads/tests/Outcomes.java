package gcsim.realthreads.tests;

/**
 * The observed states every test reports, as jcstress prints a {@code ZZZ_Result}: whether a
 * registration failed with "path '…' is not valid", whether every valid path's references were
 * valid at the end (the store invariant), and whether every valid path was on disk at the end.
 * A failed registration or a valid path without its file is interesting where gcsim finds the
 * failure and forbidden where gcsim verifies the cell; a broken invariant is always forbidden.
 */
final class Outcomes {
    static final String REGISTERED = "false, true, true";
    static final String NOT_VALID = "true, true, true";
    static final String MISSING_FILE = "false, true, false";
    static final String NOT_VALID_AND_MISSING_FILE = "true, true, false";
    static final String REGISTERED_DESC = "every registration succeeded and every valid path is on disk";
    static final String NOT_VALID_DESC = "registration failed: path '…' is not valid";
    static final String MISSING_FILE_DESC = "a valid path's file was deleted after it was added again";
    static final String NOT_VALID_AND_MISSING_FILE_DESC = "both: a failed registration and a valid path without its file";
    static final String BROKEN_DESC = "anything else: the invariant broke, or a race this variant rules out";

    private Outcomes() {}
}
