package gcsim.report;

import static gcsim.report.Markup.html;

import gcsim.kernel.VirtualTime;
import java.util.List;

/**
 * A counterexample's story drawn as an inline SVG timeline for the HTML report. Time runs down the
 * page: one row per story step, with the step's virtual time on the axis at the left (printed where
 * it changes), one column per actor (a process or one of its threads) holding the step's numbered
 * mark, an arrow wherever a step answers another actor's previous step, and the step's text written
 * out at the right of its row, so it reads without hovering. The failing step is red.
 *
 * <p>Why SVG rather than the Mermaid diagram: the HTML report must be self-contained, and Mermaid
 * needs a script to draw. Every mark also carries its story line as a tooltip ({@code <title>}).
 */
public final class SvgTimeline {
    private static final int AXIS_WIDTH = 96;
    private static final int LANE_WIDTH = 132;
    private static final int HEADER = 34;
    private static final int ROW = 28;
    private static final int RADIUS = 11;
    private static final int CHAR_WIDTH = 7;

    private SvgTimeline() {}

    /**
     * The {@code <svg>} element.
     *
     * @param id unique within the page: marker ids are derived from it
     */
    public static String render(String id, List<Counterexample.StoryStep> story) {
        List<String> lanes = Mermaid.actors(story);
        int textX = AXIS_WIDTH + lanes.size() * LANE_WIDTH + 8;
        int longest = 0;
        for (Counterexample.StoryStep s : story) {
            longest = Math.max(longest, s.number() + ". ".length() + s.text().length() + 3);
        }
        int width = textX + longest * CHAR_WIDTH + 12;
        int height = HEADER + story.size() * ROW + 10;
        String marker = "arrow-" + id;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"timeline\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(html("timeline of the counterexample, "
                        + story.size() + " steps across " + lanes.size() + " actors, virtual time downwards")).append("\">\n");
        sb.append("<defs><marker id=\"").append(html(marker)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        sb.append("<text x=\"").append(AXIS_WIDTH - 14).append("\" y=\"18\" font-size=\"12\" text-anchor=\"end\" fill=\"#555\">")
                .append("virtual time</text>\n");
        int bottom = HEADER + story.size() * ROW;
        sb.append("<line x1=\"").append(AXIS_WIDTH - 8).append("\" y1=\"").append(HEADER - 4).append("\" x2=\"")
                .append(AXIS_WIDTH - 8).append("\" y2=\"").append(bottom).append("\" stroke=\"#888\" stroke-width=\"1\"/>\n");
        for (int i = 0; i < lanes.size(); i++) {
            int x = laneX(i);
            sb.append("<text x=\"").append(x).append("\" y=\"18\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">")
                    .append(html(lanes.get(i))).append("</text>\n");
            sb.append("<line x1=\"").append(x).append("\" y1=\"").append(HEADER - 6).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(bottom).append("\" stroke=\"#ddd\" stroke-width=\"1\" stroke-dasharray=\"3,3\"/>\n");
        }
        long lastTime = Long.MIN_VALUE;
        for (int n = 0; n < story.size(); n++) {
            Counterexample.StoryStep s = story.get(n);
            int y = rowY(n);
            if (s.time() != lastTime) {
                lastTime = s.time();
                sb.append("<line x1=\"").append(AXIS_WIDTH - 12).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(AXIS_WIDTH - 4).append("\" y2=\"").append(y).append("\" stroke=\"#888\"/>");
                sb.append("<text x=\"").append(AXIS_WIDTH - 14).append("\" y=\"").append(y + 4)
                        .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">").append(html(VirtualTime.format(s.time())))
                        .append("</text>\n");
            }
        }
        for (int n = 1; n < story.size(); n++) {
            Counterexample.StoryStep s = story.get(n);
            if (s.from() == null) {
                continue;
            }
            int x1 = laneX(lanes.indexOf(s.from()));
            int y1 = rowY(n - 1);
            int x2 = laneX(lanes.indexOf(s.actor()));
            int y2 = rowY(n);
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
            int x = laneX(lanes.indexOf(s.actor()));
            int y = rowY(n);
            String fill = s.failing() ? "#d32f2f" : "#ffffff";
            String stroke = s.failing() ? "#9a0007" : "#333333";
            String ink = s.failing() ? "#ffffff" : "#111111";
            sb.append("<g class=\"").append(s.failing() ? "mark failing" : "mark").append("\"><title>")
                    .append(html(s.line())).append("</title>");
            sb.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(RADIUS)
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/>");
            sb.append("<text x=\"").append(x).append("\" y=\"").append(y + 4).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"")
                    .append(ink).append("\">").append(s.number()).append("</text></g>\n");
            sb.append("<text class=\"label\" x=\"").append(textX).append("\" y=\"").append(y + 4).append("\" font-size=\"12\" fill=\"")
                    .append(s.failing() ? "#9a0007" : "#222").append('"').append(s.failing() ? " font-weight=\"600\"" : "")
                    .append('>').append(html(s.number() + ". " + s.text())).append("</text>\n");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static int laneX(int lane) {
        return AXIS_WIDTH + lane * LANE_WIDTH + LANE_WIDTH / 2;
    }

    private static int rowY(int index) {
        return HEADER + index * ROW + ROW / 2;
    }

    private static String round(double v) {
        return Long.toString(Math.round(v));
    }
}
