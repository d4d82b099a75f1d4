package gcsim.report;

import java.util.List;
import java.util.Map;

/**
 * JSON for tests: the report's own strict parser ({@link JsonParser}: objects become insertion-ordered
 * maps, arrays lists, numbers Long or Double), plus a path accessor. Enough to read report.json back.
 */
public final class JsonReader {
    private JsonReader() {}

    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** Follows {@code path}: a String key into an object, an Integer index into an array. */
    @SuppressWarnings("unchecked")
    public static Object at(Object root, Object... path) {
        Object cur = root;
        for (Object p : path) {
            if (p instanceof String key) {
                cur = ((Map<String, Object>) cur).get(key);
            } else {
                cur = ((List<Object>) cur).get((Integer) p);
            }
        }
        return cur;
    }
}
