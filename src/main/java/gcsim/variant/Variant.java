package gcsim.variant;

/** A named patch idea: an id that is part of gcsim's interface, a one-line summary, its switches. */
public record Variant(String id, String description, Switches switches) {}
