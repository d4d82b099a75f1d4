package gcsim.realthreads;

/** §2.5 step 4: a registration named a reference that has no row: "path '…' is not valid". */
public final class InvalidPath extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPath(String path) {
        super("path '" + path + "' is not valid");
    }
}
