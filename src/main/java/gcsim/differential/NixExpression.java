package gcsim.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Nix expression of a history's {@link Universe}: {@code default.nix} with one attribute per
 * source ({@code builtins.toFile}) and per derivation (builder {@code /bin/sh}, no nixpkgs), and
 * {@code paths.nix}, which maps every short name to its store path (evaluated in read-only mode it
 * computes them without writing anything; a test checks {@link StorePaths} against it).
 *
 * <p>A derivation's builder command mentions every input (so each becomes an input source or input
 * derivation) in a no-op {@code :} command, then writes the chosen references into its outputs; the
 * reference scanner finds exactly those. The same text, with interpolations replaced by store paths,
 * is what {@link StorePaths} hashes.
 */
public final class NixExpression {
    private NixExpression() {}

    /** {@code default.nix}. */
    public static String defaultNix(History h) {
        Universe u = h.universe();
        UnaryOperator<String> nix = name -> "${" + attribute(u, name) + "}";
        StringBuilder sb = new StringBuilder();
        sb.append("# gcsim differential history ").append(h.seed()).append('\n');
        sb.append("let\n  sys = builtins.currentSystem;\n");
        for (Universe.Source s : u.sources()) {
            sb.append("  ").append(s.name()).append(" = builtins.toFile \"").append(s.name()).append("\" \"")
                    .append(sourceText(h, s, nix)).append("\";\n");
        }
        for (Universe.Derivation d : u.derivations()) {
            sb.append("  ").append(d.name()).append(" = derivation {\n");
            sb.append("    name = \"").append(d.name()).append("\";\n    system = sys;\n    builder = \"/bin/sh\";\n");
            if (d.dev()) {
                sb.append("    outputs = [ \"out\" \"dev\" ];\n");
            }
            sb.append("    args = [ \"-c\" \"").append(builderCommand(u, d, nix)).append("\" ];\n  };\n");
        }
        sb.append("in {\n");
        for (Universe.Source s : u.sources()) {
            sb.append("  inherit ").append(s.name()).append(";\n");
        }
        for (Universe.Derivation d : u.derivations()) {
            sb.append("  inherit ").append(d.name()).append(";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** A source's text, each reference rendered by {@code ref} (an interpolation, or a store path). */
    static String sourceText(History h, Universe.Source s, UnaryOperator<String> ref) {
        StringBuilder sb = new StringBuilder("gcsim source ").append(s.name()).append(" of history ").append(h.seed());
        for (String r : s.refs()) {
            sb.append(' ').append(ref.apply(r));
        }
        return sb.toString();
    }

    static String sourceText(History h, Universe.Source s, Map<String, String> full) {
        return sourceText(h, s, full::get);
    }

    /** The {@code sh -c} command of a derivation, each input rendered by {@code ref}. */
    static String builderCommand(Universe u, Universe.Derivation d, UnaryOperator<String> ref) {
        List<String> inputs = new ArrayList<>();
        for (String s : d.inputSrcs()) {
            inputs.add(ref.apply(s));
        }
        for (String e : d.inputDrvs()) {
            for (String o : u.derivation(e).outputs()) {
                inputs.add(ref.apply(o));
            }
        }
        StringBuilder cmd = new StringBuilder(": ").append(String.join(" ", inputs)).append("; echo ")
                .append(d.name()).append(outputRefs(d, d.outRefs(), ref)).append(" > $out");
        if (d.dev()) {
            cmd.append("; echo ").append(d.devName()).append(outputRefs(d, d.devRefs(), ref)).append(" > $dev");
        }
        return cmd.toString();
    }

    static String builderCommand(Universe u, Universe.Derivation d, Map<String, String> full) {
        return builderCommand(u, d, full::get);
    }

    /** The words written into an output: inputs rendered by {@code ref}, or $out / $dev for the derivation's own. */
    private static String outputRefs(Universe.Derivation self, List<String> refs, UnaryOperator<String> ref) {
        StringBuilder sb = new StringBuilder();
        for (String r : refs) {
            sb.append(' ');
            if (r.equals(self.name())) {
                sb.append("$out");
            } else if (r.equals(self.devName())) {
                sb.append("$dev");
            } else {
                sb.append(ref.apply(r));
            }
        }
        return sb.toString();
    }

    /** The Nix attribute path of a short name: {@code src1}, {@code pkg2}, {@code pkg2.dev}, {@code pkg2.drvPath}. */
    private static String attribute(Universe u, String name) {
        for (Universe.Derivation d : u.derivations()) {
            if (d.name().equals(name)) {
                return name;
            }
            if (d.dev() && d.devName().equals(name)) {
                return d.name() + ".dev";
            }
            if (d.drv().equals(name)) {
                return d.name() + ".drvPath";
            }
        }
        return u.source(name).name();
    }

    /** {@code paths.nix}: an attribute set from every short name to its store path. */
    public static String pathsNix(History h) {
        Universe u = h.universe();
        StringBuilder sb = new StringBuilder("let p = import ./default.nix; in {\n");
        for (String name : u.allNames()) {
            String attr = attribute(u, name);
            boolean output = !attr.endsWith(".drvPath") && u.sources().stream().noneMatch(s -> s.name().equals(name));
            sb.append("  \"").append(name).append("\" = p.").append(attr).append(output ? ".outPath" : "").append(";\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
