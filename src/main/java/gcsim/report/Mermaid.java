package gcsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample's story as a Mermaid {@code sequenceDiagram}, which GitHub draws from a fenced
 * {@code mermaid} block: one participant per actor, one message per story line (an arrow from the
 * actor it answers, else a note to itself), and a note on the failing step.
 */
public final class Mermaid {
    private Mermaid() {}

    /** The diagram's source, without the fence. */
    public static String sequenceDiagram(List<Counterexample.StoryStep> story) {
        List<String> actors = actors(story);
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        for (int i = 0; i < actors.size(); i++) {
            sb.append("    participant A").append(i).append(" as ").append(text(actors.get(i))).append('\n');
        }
        for (Counterexample.StoryStep s : story) {
            String to = "A" + actors.indexOf(s.actor());
            String from = s.from() == null ? to : "A" + actors.indexOf(s.from());
            sb.append("    ").append(from).append(s.failing() ? "-x" : "->>").append(to).append(": ")
                    .append(s.number()).append(". ").append(text(s.text())).append('\n');
            if (s.failing()) {
                sb.append("    Note over ").append(to).append(": step ").append(s.number()).append(" fails here\n");
            }
        }
        return sb.toString();
    }

    /**
     * The same diagram made to fit a page: message text wrapped to {@value #NARROW} characters a
     * line and small actor boxes, since Mermaid spaces neighbouring actors by the widest message
     * between them and an unwrapped story line of 100 characters makes a diagram of five actors
     * several thousand pixels wide. The cell pages use it; GitHub draws it at its page width.
     */
    public static String narrowDiagram(List<Counterexample.StoryStep> story) {
        List<String> actors = actors(story);
        StringBuilder sb = new StringBuilder("%%{init: {\"sequence\": {\"width\": 100, \"actorMargin\": 20,"
                + " \"messageMargin\": 24, \"noteMargin\": 6, \"mirrorActors\": false}}}%%\n");
        sb.append("sequenceDiagram\n");
        for (int i = 0; i < actors.size(); i++) {
            sb.append("    participant A").append(i).append(" as ").append(text(actors.get(i))).append('\n');
        }
        for (Counterexample.StoryStep s : story) {
            String to = "A" + actors.indexOf(s.actor());
            String from = s.from() == null ? to : "A" + actors.indexOf(s.from());
            sb.append("    ").append(from).append(s.failing() ? "-x" : "->>").append(to).append(": ")
                    .append(String.join("<br/>", wrap(s.number() + ". " + s.text(), NARROW))).append('\n');
        }
        return sb.toString();
    }

    /** Longest line of a message in {@link #narrowDiagram}, in characters. */
    static final int NARROW = 24;

    /** {@code text} in lines of at most {@code width} characters, each escaped: at spaces, or inside a longer word. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(text(l));
        }
        return out;
    }

    /** The story's actors in order of first appearance (the sender of an arrow counts). */
    static List<String> actors(List<Counterexample.StoryStep> story) {
        List<String> out = new ArrayList<>();
        for (Counterexample.StoryStep s : story) {
            if (s.from() != null && !out.contains(s.from())) {
                out.add(s.from());
            }
            if (!out.contains(s.actor())) {
                out.add(s.actor());
            }
        }
        return out;
    }

    /**
     * Text safe inside a Mermaid message: {@code #} and {@code ;} start entity codes and statement
     * breaks there, and Mermaid may read {@code <} and {@code >} as markup, so all four become entity
     * codes; line breaks become spaces.
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '#' -> sb.append("#35;");
                case ';' -> sb.append("#59;");
                case '<' -> sb.append("#60;");
                case '>' -> sb.append("#62;");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
