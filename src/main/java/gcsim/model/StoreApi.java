package gcsim.model;

import gcsim.kernel.Frame;

/**
 * The store as a client process sees it: through the daemon ({@link RemoteStore}) or opened
 * directly ({@link LocalStore}). Each method returns the frame to call; results come back through
 * the actor's result, errors as {@link NixError}s.
 */
interface StoreApi {
    Frame isValidPath(int p);

    Frame addToStore(int p);

    Frame addTempRoot(int p);

    Frame addIndirectRoot(String link);

    Frame queryPathInfo(int p);

    /** Returns a {@link java.util.BitSet} of the paths of {@code paths} that are valid. */
    Frame queryValidPaths(int[] paths);

    Frame addMultipleToStore(int[] paths);

    Frame buildDerivation(int drv, java.util.List<gcsim.scenario.Op> builder);

    Frame buildPaths(int drv, java.util.List<gcsim.scenario.Op> builder);

    Frame collectGarbage(long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses);

    /** The connection or the store handle closes; temp roots taken through it stop protecting. */
    void close();
}
