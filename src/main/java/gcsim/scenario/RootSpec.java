package gcsim.scenario;

/**
 * A permanent root present at the start (§2.8): a link under gcroots, an indirect root under
 * gcroots/auto pointing at a link elsewhere, or a profile link.
 *
 * @param kind which of the three
 * @param link where the link lives, e.g. {@code /home/u/result} or {@code gcroots/ci}
 * @param path short name of the store path it points to
 */
public record RootSpec(Kind kind, String link, String path, Pos pos) {
    public enum Kind { GCROOT, INDIRECT, PROFILE }
}
