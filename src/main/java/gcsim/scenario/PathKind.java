package gcsim.scenario;

/** What a store path is, which decides how the collector's keep-* rules treat it. */
public enum PathKind {
    SOURCE, DRV, OUTPUT
}
