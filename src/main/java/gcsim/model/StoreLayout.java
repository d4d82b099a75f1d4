package gcsim.model;

import gcsim.scenario.DerivationSpec;
import gcsim.scenario.PathKind;
import gcsim.scenario.PathSpec;
import gcsim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The fixed facts about every store path a scenario names: its full path, hash part, size,
 * references, deriver and outputs. Computed once per scenario and shared by all executions; paths
 * are small ints so model state is plain arrays.
 *
 * <p>Store paths look like Nix's, {@code /nix/store/<32 nix-base-32 chars>-<name>}. The hash is a
 * SHA-256 over the kind, the name and the full paths of the references (as Nix's text and
 * fixed-output paths depend on their references), truncated to 160 bits as Nix does, so every
 * process derives the same path without any shared table.
 */
public final class StoreLayout {
    public static final String STORE_DIR = "/nix/store";
    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";

    private final String[] name;
    private final PathKind[] kind;
    private final long[] size;
    private final int[][] refs;
    /** {@link #refs} without the self-reference, computed once: registering a path asks for it at every step that does. */
    private final int[][] refsWithoutSelf;
    private final int[] deriver;
    private final int[][] outputs;
    private final boolean[] present;
    private final String[] full;
    private final String[] hash;
    private final int[] rank;
    private final TreeMap<String, Integer> byName = new TreeMap<>();
    /** What each world of this scenario starts from, resolved once (see {@link WorldPlan}). */
    private final WorldPlan plan;

    public StoreLayout(Scenario s) {
        List<PathSpec> specs = new ArrayList<>(s.paths());
        for (DerivationSpec d : s.derivations()) {
            if (specs.stream().noneMatch(p -> p.name().equals(d.name()))) {
                List<String> r = new ArrayList<>(d.inputDrvs());
                r.addAll(d.inputSrcs());
                specs.add(new PathSpec(d.name(), PathKind.DRV, d.size(), r, null, false, d.pos()));
            }
        }
        int n = specs.size();
        name = new String[n];
        kind = new PathKind[n];
        size = new long[n];
        refs = new int[n][];
        refsWithoutSelf = new int[n][];
        deriver = new int[n];
        outputs = new int[n][];
        present = new boolean[n];
        full = new String[n];
        hash = new String[n];
        for (int i = 0; i < n; i++) {
            PathSpec p = specs.get(i);
            name[i] = p.name();
            kind[i] = p.kind();
            size[i] = p.size();
            present[i] = p.present();
            byName.put(p.name(), i);
        }
        for (int i = 0; i < n; i++) {
            PathSpec p = specs.get(i);
            refs[i] = p.refs().stream().mapToInt(this::id).toArray();
            int self = i;
            refsWithoutSelf[i] = java.util.Arrays.stream(refs[i]).filter(r -> r != self).toArray();
            deriver[i] = p.deriver() == null ? -1 : id(p.deriver());
            outputs[i] = new int[0];
        }
        for (DerivationSpec d : s.derivations()) {
            int drv = id(d.name());
            outputs[drv] = d.outputs().stream().mapToInt(this::id).toArray();
            for (int o : outputs[drv]) {
                deriver[o] = drv;
            }
        }
        for (int i = 0; i < n; i++) {
            computeHash(i, new boolean[n]);
        }
        Integer[] byPath = new Integer[n];
        for (int i = 0; i < n; i++) {
            byPath[i] = i;
        }
        Arrays.sort(byPath, (a, b) -> full[a].substring(STORE_DIR.length() + 1).compareTo(full[b].substring(STORE_DIR.length() + 1)));
        rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[byPath[i]] = i;
        }
        for (int i = 0; i < n; i++) { // references are a StorePathSet in Nix: every walk goes in its order
            sortByRank(refs[i]);
            sortByRank(refsWithoutSelf[i]);
        }
        plan = new WorldPlan(s, this);
    }

    /** Sorts a few path ids into StorePathSet order (by hash, then name), in place. */
    void sortByRank(int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            int x = ids[i];
            int j = i - 1;
            for (; j >= 0 && rank[ids[j]] > rank[x]; j--) {
                ids[j + 1] = ids[j];
            }
            ids[j + 1] = x;
        }
    }

    WorldPlan plan() {
        return plan;
    }

    private void computeHash(int p, boolean[] onStack) {
        if (hash[p] != null) {
            return;
        }
        if (onStack[p]) {
            throw new IllegalArgumentException("reference cycle through " + name[p]);
        }
        onStack[p] = true;
        StringBuilder input = new StringBuilder("gcsim-store-path:").append(kind[p]).append(':').append(name[p]);
        String[] refPaths = new String[refs[p].length];
        for (int i = 0; i < refs[p].length; i++) {
            int r = refs[p][i];
            if (r == p) {
                refPaths[i] = "self";
            } else {
                computeHash(r, onStack);
                refPaths[i] = full[r];
            }
        }
        Arrays.sort(refPaths);
        for (String r : refPaths) {
            input.append(':').append(r);
        }
        hash[p] = nix32(sha256(input.toString()), 20);
        full[p] = STORE_DIR + "/" + hash[p] + "-" + name[p];
        onStack[p] = false;
    }

    private static byte[] sha256(String s) {
        return Sha256.digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Nix's base-32 of the first {@code len} bytes: 5 bits per character, last byte first. */
    static String nix32(byte[] bytes, int len) {
        int chars = (len * 8 - 1) / 5 + 1;
        StringBuilder sb = new StringBuilder(chars);
        for (int n = chars - 1; n >= 0; n--) {
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            int c = (bytes[i] & 0xff) >> j;
            if (i + 1 < len) {
                c |= (bytes[i + 1] & 0xff) << (8 - j);
            }
            sb.append(NIX32.charAt(c & 0x1f));
        }
        return sb.toString();
    }

    public int size() {
        return name.length;
    }

    public int id(String shortName) {
        Integer i = byName.get(shortName);
        if (i == null) {
            throw new IllegalArgumentException("unknown path " + shortName);
        }
        return i;
    }

    public String name(int p) {
        return name[p];
    }

    public PathKind kind(int p) {
        return kind[p];
    }

    public boolean isDrv(int p) {
        return kind[p] == PathKind.DRV;
    }

    public long bytes(int p) {
        return size[p];
    }

    /**
     * The references the scenario declares (a self-reference included), in the order Nix's {@code
     * StorePathSet} holds them: by hash, then name, not the scenario's order.
     */
    public int[] refs(int p) {
        return refs[p];
    }

    /** References other than {@code p} itself, as a content-addressed path records them; shared, do not change it. */
    public int[] refsWithoutSelf(int p) {
        return refsWithoutSelf[p];
    }

    /**
     * Position of {@code p} when store paths are sorted by name, as Nix's {@code StorePathSet}
     * iterates them (by hash, then name): the order referrers and topological sorts walk in.
     */
    public int rank(int p) {
        return rank[p];
    }

    public int deriver(int p) {
        return deriver[p];
    }

    public int[] outputs(int drv) {
        return outputs[drv];
    }

    public boolean presentAtStart(int p) {
        return present[p];
    }

    public String full(int p) {
        return full[p];
    }

    public String hashPart(int p) {
        return hash[p];
    }
}
