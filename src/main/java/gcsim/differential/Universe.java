package gcsim.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * The store paths one history can create: sources written by {@code builtins.toFile}, and
 * derivations with builder {@code /bin/sh} whose outputs refer to chosen inputs. Both sides of the
 * differential check are built from this one description, so the real expression and the model's
 * scenario declare the same references: a drv refers to its input sources and input derivations,
 * an output to exactly the inputs its builder writes into it.
 *
 * @param sources in dependency order (a source refers only to earlier ones)
 * @param derivations in dependency order (a derivation's inputs come earlier)
 */
public record Universe(List<Source> sources, List<Derivation> derivations) {

    /** A {@code builtins.toFile} source; {@code refs} are earlier sources its text interpolates. */
    public record Source(String name, List<String> refs) {}

    /**
     * A derivation {@code <name>.drv} with outputs {@code <name>} and optionally {@code <name>-dev}.
     *
     * @param name the derivation's name; the drv is {@code name + ".drv"}
     * @param inputSrcs sources its builder command interpolates
     * @param inputDrvs derivation names whose outputs (all of them) its builder command interpolates
     * @param dev true when it has a second output {@code dev}
     * @param outRefs short names written into {@code $out}: inputs, {@code name} itself, or its dev output
     * @param devRefs short names written into {@code $dev}: inputs, or the dev output itself
     */
    public record Derivation(String name, List<String> inputSrcs, List<String> inputDrvs, boolean dev,
                             List<String> outRefs, List<String> devRefs) {
        public String drv() {
            return name + ".drv";
        }

        public String devName() {
            return name + "-dev";
        }

        /** Output short names, {@code out} first. */
        public List<String> outputs() {
            return dev ? List.of(name, devName()) : List.of(name);
        }
    }

    public Derivation derivation(String name) {
        for (Derivation d : derivations) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no derivation " + name);
    }

    public Source source(String name) {
        for (Source s : sources) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no source " + name);
    }

    /** Every short name, in declaration order: sources, then each drv followed by its outputs. */
    public List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            out.add(s.name());
        }
        for (Derivation d : derivations) {
            out.add(d.drv());
            out.addAll(d.outputs());
        }
        return out;
    }

    /**
     * What evaluating {@code d} writes, in the order an evaluator does it: the source closure and the
     * input derivations (recursively) before the drv itself; each entry once.
     */
    public List<String> evaluationOrder(List<String> derivationNames) {
        List<String> out = new ArrayList<>();
        for (String n : derivationNames) {
            addDerivation(derivation(n), out);
        }
        return out;
    }

    /** The sources written when evaluating source {@code name}: its referenced sources first. */
    public List<String> sourceOrder(String name) {
        List<String> out = new ArrayList<>();
        addSource(source(name), out);
        return out;
    }

    private void addDerivation(Derivation d, List<String> out) {
        if (out.contains(d.drv())) {
            return;
        }
        for (String s : d.inputSrcs()) {
            addSource(source(s), out);
        }
        for (String e : d.inputDrvs()) {
            addDerivation(derivation(e), out);
        }
        out.add(d.drv());
    }

    private void addSource(Source s, List<String> out) {
        if (out.contains(s.name())) {
            return;
        }
        for (String r : s.refs()) {
            addSource(source(r), out);
        }
        out.add(s.name());
    }
}
