package gcsim.kernel;

/** What a {@link Frame} tells the kernel after running one piece of its step machine. */
public enum Control {
    /** A scheduling point follows; the actor stays runnable. */
    YIELD,
    /** A scheduling point follows; the actor runs again only when its guard is ready. */
    WAIT,
    /** No scheduling point: run the same frame again at once (a purely local transition). */
    CONTINUE,
    /** Push the frame given to {@link Actor#call} and run it at once. */
    CALL,
    /** Pop this frame and resume the caller at once; the value is in {@link Actor#result()}. */
    RETURN
}
