package gcsim.differential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store paths Nix 2.8 gives a history's {@link NixExpression}, computed here rather than by an
 * extra evaluation per history (each Nix command costs a tenth of a second or more): sources are text
 * paths of their contents and references; derivations are text paths of their ATerm, whose output
 * paths are {@code makeOutputPath} of the masked {@code hashDerivationModulo} (2.8
 * {@code src/libexpr/primops.cc} derivationStrict, {@code src/libstore/derivations.cc} unparse and
 * hashDerivationModulo, {@code src/libstore/store-api.cc} makeStorePath). A nix-tagged test checks
 * the result against {@code paths.nix} evaluated by real Nix.
 */
public final class StorePaths {
    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";
    private final String storeDir;
    private final String system;
    private final Universe u;
    private final Map<String, String> full = new TreeMap<>();
    /** hashDerivationModulo(drv, maskOutputs = false), base 16, per derivation name: what consumers use. */
    private final Map<String, String> modulo = new TreeMap<>();

    private StorePaths(String storeDir, String system, Universe u) {
        this.storeDir = storeDir;
        this.system = system;
        this.u = u;
    }

    /** Short name to full store path, for every path of the history's universe. */
    public static Map<String, String> of(History h, String storeDir, String system) {
        StorePaths p = new StorePaths(storeDir, system, h.universe());
        for (Universe.Source s : h.universe().sources()) {
            p.source(h, s);
        }
        for (Universe.Derivation d : h.universe().derivations()) {
            p.derivation(d);
        }
        return p.full;
    }

    private void source(History h, Universe.Source s) {
        String contents = NixExpression.sourceText(h, s, full);
        TreeSet<String> refs = new TreeSet<>();
        for (String r : s.refs()) {
            refs.add(full.get(r));
        }
        full.put(s.name(), textPath(s.name(), contents, refs));
    }

    private void derivation(Universe.Derivation d) {
        String cmd = NixExpression.builderCommand(u, d, full);
        TreeMap<String, String> inputDrvs = new TreeMap<>(); // drv path → "[\"dev\",\"out\"]"
        TreeMap<String, String> inputHashes = new TreeMap<>(); // modulo hash → outputs
        for (String e : d.inputDrvs()) {
            Universe.Derivation in = u.derivation(e);
            String outs = in.dev() ? "[\"dev\",\"out\"]" : "[\"out\"]";
            inputDrvs.put(full.get(in.drv()), outs);
            inputHashes.put(modulo.get(e), outs);
        }
        TreeSet<String> srcs = new TreeSet<>();
        for (String s : d.inputSrcs()) {
            srcs.add(full.get(s));
        }
        List<String> outputNames = d.dev() ? List.of("dev", "out") : List.of("out");
        TreeMap<String, String> outPaths = new TreeMap<>();
        for (String o : outputNames) {
            outPaths.put(o, "");
        }
        String masked = sha256Hex(aterm(d, outPaths, inputHashes, srcs, cmd));
        for (String o : outputNames) {
            String name = o.equals("out") ? d.name() : d.name() + "-" + o;
            outPaths.put(o, storePath("output:" + o, "sha256:" + masked, name));
        }
        modulo.put(d.name(), sha256Hex(aterm(d, outPaths, inputHashes, srcs, cmd)));
        TreeSet<String> refs = new TreeSet<>(srcs);
        refs.addAll(inputDrvs.keySet());
        full.put(d.drv(), textPath(d.drv(), aterm(d, outPaths, inputDrvs, srcs, cmd), refs));
        full.put(d.name(), outPaths.get("out"));
        if (d.dev()) {
            full.put(d.devName(), outPaths.get("dev"));
        }
    }

    /** Derivation::unparse: outputs, input derivations (paths or modulo hashes), sources, system, builder, args, env. */
    private String aterm(Universe.Derivation d, TreeMap<String, String> outputs, TreeMap<String, String> inputs,
                         TreeSet<String> srcs, String cmd) {
        StringBuilder s = new StringBuilder("Derive([");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            parts.add("(\"" + o.getKey() + "\",\"" + o.getValue() + "\",\"\",\"\")");
        }
        s.append(String.join(",", parts)).append("],[");
        parts.clear();
        for (Map.Entry<String, String> i : inputs.entrySet()) {
            parts.add("(\"" + i.getKey() + "\"," + i.getValue() + ")");
        }
        s.append(String.join(",", parts)).append("],[");
        parts.clear();
        for (String src : srcs) {
            parts.add("\"" + src + "\"");
        }
        s.append(String.join(",", parts)).append("],\"").append(system).append("\",\"/bin/sh\",[\"-c\",")
                .append(quote(cmd)).append("],[");
        TreeMap<String, String> env = new TreeMap<>();
        env.put("builder", "/bin/sh");
        env.put("name", d.name());
        env.put("system", system);
        if (d.dev()) {
            env.put("outputs", "out dev");
        }
        env.putAll(outputs);
        parts.clear();
        for (Map.Entry<String, String> e : env.entrySet()) {
            parts.add("(" + quote(e.getKey()) + "," + quote(e.getValue()) + ")");
        }
        return s.append(String.join(",", parts)).append("])").toString();
    }

    /** printString: quotes, backslashes and control characters escaped. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** makeTextPath: type {@code text:<ref>:<ref>…}, the SHA-256 of the contents. */
    private String textPath(String name, String contents, TreeSet<String> refs) {
        StringBuilder type = new StringBuilder("text");
        for (String r : refs) {
            type.append(':').append(r);
        }
        return storePath(type.toString(), "sha256:" + sha256Hex(contents), name);
    }

    /** makeStorePath: nix32 of SHA-256("type:hash:storeDir:name") folded to 20 bytes. */
    private String storePath(String type, String hash, String name) {
        byte[] h = sha256(type + ":" + hash + ":" + storeDir + ":" + name);
        byte[] folded = new byte[20];
        for (int i = 0; i < h.length; i++) {
            folded[i % 20] ^= h[i];
        }
        return storeDir + "/" + nix32(folded) + "-" + name;
    }

    static String nix32(byte[] bytes) {
        int chars = (bytes.length * 8 - 1) / 5 + 1;
        StringBuilder sb = new StringBuilder(chars);
        for (int n = chars - 1; n >= 0; n--) {
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            int c = (bytes[i] & 0xff) >> j;
            if (i + 1 < bytes.length) {
                c |= (bytes[i + 1] & 0xff) << (8 - j);
            }
            sb.append(NIX32.charAt(c & 0x1f));
        }
        return sb.toString();
    }

    private static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
