package gcsim.report;

import static gcsim.report.Markup.html;

import java.util.List;

/**
 * A counterexample's story drawn as an inline SVG timeline for the HTML report: one lane per actor
 * (a process or one of its threads), the numbered story steps as marks in order from left to right,
 * an arrow wherever a step answers another actor's previous step, and the failing step in red.
 *
 * <p>Why SVG rather than the Mermaid diagram: the HTML report must be self-contained, and Mermaid
 * needs a script to draw. Every mark carries its story line as a tooltip ({@code <title>}).
 */
public final class SvgTimeline {
    private static final int LABEL_WIDTH = 170;
    private static final int STEP_WIDTH = 54;
    private static final int LANE_HEIGHT = 40;
    private static final int TOP = 14;
    private static final int RADIUS = 12;

    private SvgTimeline() {}

    /**
     * The {@code <svg>} element.
     *
     * @param id unique within the page: marker ids are derived from it
     */
    public static String render(String id, List<Counterexample.StoryStep> story) {
        List<String> lanes = Mermaid.actors(story);
        int width = LABEL_WIDTH + story.size() * STEP_WIDTH + 16;
        int height = TOP + lanes.size() * LANE_HEIGHT + 8;
        String marker = "arrow-" + id;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"timeline\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(html("timeline of the counterexample, "
                        + story.size() + " steps across " + lanes.size() + " actors")).append("\">\n");
        sb.append("<defs><marker id=\"").append(html(marker)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        for (int i = 0; i < lanes.size(); i++) {
            int y = laneY(i);
            sb.append("<line x1=\"").append(LABEL_WIDTH - 6).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(width - 8).append("\" y2=\"").append(y).append("\" stroke=\"#ccc\" stroke-width=\"1\"/>\n");
            sb.append("<text x=\"8\" y=\"").append(y + 4).append("\" font-size=\"13\" fill=\"#222\">")
                    .append(html(lanes.get(i))).append("</text>\n");
        }
        for (int n = 0; n < story.size(); n++) {
            Counterexample.StoryStep s = story.get(n);
            if (s.from() == null || n == 0) {
                continue;
            }
            int x1 = stepX(n - 1);
            int y1 = laneY(lanes.indexOf(s.from()));
            int x2 = stepX(n);
            int y2 = laneY(lanes.indexOf(s.actor()));
            double dx = x2 - x1;
            double dy = y2 - y1;
            double len = Math.max(1, Math.sqrt(dx * dx + dy * dy));
            double ux = dx / len;
            double uy = dy / len;
            sb.append("<line x1=\"").append(round(x1 + ux * RADIUS)).append("\" y1=\"").append(round(y1 + uy * RADIUS))
                    .append("\" x2=\"").append(round(x2 - ux * (RADIUS + 1))).append("\" y2=\"").append(round(y2 - uy * (RADIUS + 1)))
                    .append("\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#").append(html(marker)).append(")\"/>\n");
        }
        for (int n = 0; n < story.size(); n++) {
            Counterexample.StoryStep s = story.get(n);
            int x = stepX(n);
            int y = laneY(lanes.indexOf(s.actor()));
            String fill = s.failing() ? "#d32f2f" : "#ffffff";
            String stroke = s.failing() ? "#9a0007" : "#333333";
            String ink = s.failing() ? "#ffffff" : "#111111";
            sb.append("<g class=\"").append(s.failing() ? "mark failing" : "mark").append("\"><title>")
                    .append(html(s.line())).append("</title>");
            sb.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(RADIUS)
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/>");
            sb.append("<text x=\"").append(x).append("\" y=\"").append(y + 4).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"")
                    .append(ink).append("\">").append(s.number()).append("</text></g>\n");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static int laneY(int lane) {
        return TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
    }

    private static int stepX(int index) {
        return LABEL_WIDTH + index * STEP_WIDTH + STEP_WIDTH / 2;
    }

    private static String round(double v) {
        return Long.toString(Math.round(v));
    }
}
