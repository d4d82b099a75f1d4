package gcsim.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field whose value follows from the other fields of the state (an index, a cache, a count
 * kept for speed) or that never influences what happens next (a name kept for messages). A state
 * fingerprint may skip such a field; every other field of a model or kernel object is state, and a
 * change to it must change the fingerprint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Derived {
    /** Why the field may be skipped: what it is derived from, or why it cannot matter. */
    String value();
}
