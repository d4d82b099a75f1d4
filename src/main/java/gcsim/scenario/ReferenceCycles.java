package gcsim.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Refuses a store section whose references form a cycle, pointing at the reference that closes it.
 * Nix's store paths cannot refer to one another in a loop (a path's hash covers its references),
 * except that a path may refer to itself. The search is iterative, so a long chain of references in
 * a generated scenario cannot overflow the stack.
 */
final class ReferenceCycles {
    private static final int ON_STACK = 1;
    private static final int DONE = 2;

    private ReferenceCycles() {}

    /** @param edges each declared name's references, in declaration order */
    static void check(YamlReader r, Map<String, List<StoreSection.Ref>> edges) throws ScenarioException {
        Map<String, Integer> state = new LinkedHashMap<>(); // absent: unseen
        for (String root : edges.keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            Deque<String> stack = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            stack.push(root);
            next.push(0);
            state.put(root, ON_STACK);
            while (!stack.isEmpty()) {
                String top = stack.peek();
                List<StoreSection.Ref> out = edges.get(top);
                int i = next.pop();
                if (i == out.size()) {
                    stack.pop();
                    state.put(top, DONE);
                    continue;
                }
                next.push(i + 1);
                StoreSection.Ref ref = out.get(i);
                if (ref.name().equals(top)) {
                    continue;
                }
                Integer s = state.get(ref.name());
                if (s == null) {
                    stack.push(ref.name());
                    next.push(0);
                    state.put(ref.name(), ON_STACK);
                } else if (s == ON_STACK) {
                    throw r.error(ref.node(), "reference cycle: " + cycle(stack, ref.name())
                            + " (references must not form a cycle; only a path referring to itself is allowed)");
                }
            }
        }
    }

    /** The cycle from where it starts to {@code closing}, cut in the middle when it is long. */
    private static String cycle(Deque<String> stack, String closing) {
        List<String> names = new ArrayList<>();
        for (String d : stack) { // from the top of the stack down to where the cycle starts
            names.add(0, d);
            if (d.equals(closing)) {
                break;
            }
        }
        names.add(closing);
        if (names.size() > 20) {
            List<String> cut = new ArrayList<>(names.subList(0, 9));
            cut.add("…");
            cut.addAll(names.subList(names.size() - 10, names.size()));
            names = cut;
        }
        return String.join(" -> ", names);
    }
}
