package gcsim.differential;

import gcsim.search.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a {@link History} from a seed with {@link SplitMix64}, so that the seed alone replays it.
 *
 * <p>The universe has 1–3 sources (a later one may interpolate an earlier one) and 2–5 derivations;
 * each derivation takes 0–2 earlier derivations and 0–2 sources as inputs, has a dev output one time
 * in four, and writes a random subset of its inputs (and sometimes itself, or its dev output) into
 * its outputs. A consumer of a two-output derivation interpolates both outputs: the model's input
 * derivations carry no output selection, so a build there makes every output of an input valid.
 *
 * <p>Then 3–8 steps, drawn with these weights: instantiate 1–2 derivations 18 (with --add-root two
 * times in five), nix-build 18 (with an out-link one time in two), nix-store -r 10 (only of drvs
 * written since the last collection, so it cannot fail; --add-root one time in two), add a source 7,
 * a bare gcroots link 8, a hand-made indirect root 7, remove a root 10 (when there is one), a live
 * temp-roots file 8, a dead one 6, and a collection 8. Roots and temp roots may name any path of the
 * universe, valid or not.
 */
public final class HistoryGenerator {
    private final SplitMix64 rng;
    private final long seed;
    private final List<String> links = new ArrayList<>();
    private final List<String> writtenSinceGc = new ArrayList<>();
    private int nextLink = 1;
    private int nextTempFile = 1;

    private HistoryGenerator(long seed) {
        this.seed = seed;
        this.rng = new SplitMix64(seed);
    }

    /** The history of {@code seed}. */
    public static History generate(long seed) {
        return new HistoryGenerator(seed).history();
    }

    private History history() {
        boolean keepDerivations = rng.nextInt(4) != 0;
        boolean keepOutputs = rng.nextInt(3) == 0;
        Universe u = universe();
        int n = 3 + rng.nextInt(6);
        List<Step> steps = new ArrayList<>();
        while (steps.size() < n) {
            Step s = step(u);
            if (s != null) {
                steps.add(s);
                for (Step.Root root : Step.createdRoots(s, u)) {
                    if (!links.contains(root.link())) {
                        links.add(root.link());
                    }
                }
            }
        }
        return new History(seed, keepDerivations, keepOutputs, u, List.copyOf(steps));
    }

    private Universe universe() {
        List<Universe.Source> sources = new ArrayList<>();
        int nSrc = 1 + rng.nextInt(3);
        for (int i = 1; i <= nSrc; i++) {
            List<String> refs = new ArrayList<>();
            if (i > 1 && rng.nextInt(4) == 0) {
                refs.add("src" + (1 + rng.nextInt(i - 1)));
            }
            sources.add(new Universe.Source("src" + i, List.copyOf(refs)));
        }
        List<Universe.Derivation> drvs = new ArrayList<>();
        int nDrv = 2 + rng.nextInt(4);
        for (int j = 1; j <= nDrv; j++) {
            String name = "pkg" + j;
            boolean dev = rng.nextInt(4) == 0;
            List<String> inputDrvs = pick(drvs.stream().map(Universe.Derivation::name).toList(), rng.nextInt(3));
            List<String> inputSrcs = pick(sources.stream().map(Universe.Source::name).toList(), rng.nextInt(3));
            List<String> candidates = new ArrayList<>(inputSrcs);
            for (String e : inputDrvs) {
                for (Universe.Derivation d : drvs) {
                    if (d.name().equals(e)) {
                        candidates.addAll(d.outputs());
                    }
                }
            }
            List<String> outRefs = subset(candidates, 2);
            List<String> devRefs = new ArrayList<>();
            if (rng.nextInt(7) == 0) {
                outRefs.add(name);
            }
            if (dev) {
                devRefs = subset(candidates, 3);
                if (rng.nextInt(10) == 0) {
                    devRefs.add(name + "-dev");
                }
                if (rng.nextInt(3) == 0) {
                    outRefs.add(name + "-dev");
                }
            }
            drvs.add(new Universe.Derivation(name, inputSrcs, inputDrvs, dev, List.copyOf(outRefs), List.copyOf(devRefs)));
        }
        return new Universe(List.copyOf(sources), List.copyOf(drvs));
    }

    private Step step(Universe u) {
        List<String> drvNames = u.derivations().stream().map(Universe.Derivation::name).toList();
        int w = rng.nextInt(100);
        if (w < 18) {
            List<String> drvs = pick(drvNames, 1 + rng.nextInt(2));
            noteWritten(u, drvs);
            return new Step.Instantiate(drvs, rng.nextInt(5) < 2 ? newLink() : null);
        } else if (w < 36) {
            String d = drvNames.get(rng.nextInt(drvNames.size()));
            noteWritten(u, List.of(d));
            return new Step.NixBuild(d, rng.nextInt(2) == 0 ? newLink() : null);
        } else if (w < 46) {
            List<String> ready = drvNames.stream().filter(writtenSinceGc::contains).toList();
            if (ready.isEmpty()) {
                return null;
            }
            return new Step.Realise(pick(ready, 1 + rng.nextInt(2)), rng.nextInt(2) == 0 ? newLink() : null);
        } else if (w < 53) {
            return new Step.AddSource(u.sources().get(rng.nextInt(u.sources().size())).name());
        } else if (w < 61) {
            String name = (rng.nextInt(3) == 0 ? "ci/" : "") + "g" + nextLink++;
            return new Step.GcrootLink(anyPath(u), name);
        } else if (w < 68) {
            return new Step.IndirectRoot(anyPath(u), newLink());
        } else if (w < 78) {
            if (links.isEmpty()) {
                return null;
            }
            return new Step.RemoveRoot(links.remove(rng.nextInt(links.size())));
        } else if (w < 86) {
            return new Step.LiveTempRoots(nextTempFile++, tempRootPaths(u));
        } else if (w < 92) {
            return new Step.DeadTempRoots(nextTempFile++, tempRootPaths(u));
        } else {
            writtenSinceGc.clear();
            return new Step.CollectGarbage();
        }
    }

    private void noteWritten(Universe u, List<String> drvs) {
        for (String entry : u.evaluationOrder(drvs)) {
            if (entry.endsWith(".drv")) {
                String name = entry.substring(0, entry.length() - ".drv".length());
                if (!writtenSinceGc.contains(name)) {
                    writtenSinceGc.add(name);
                }
            }
        }
    }

    private List<String> tempRootPaths(Universe u) {
        List<String> out = new ArrayList<>();
        int n = 1 + rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            String p = anyPath(u);
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private String anyPath(Universe u) {
        List<String> all = u.allNames();
        return all.get(rng.nextInt(all.size()));
    }

    private String newLink() {
        return "/r/r" + nextLink++;
    }

    /** Up to {@code n} distinct elements of {@code from}, in {@code from}'s order. */
    private List<String> pick(List<String> from, int n) {
        List<String> left = new ArrayList<>(from);
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < n && !left.isEmpty()) {
            chosen.add(left.remove(rng.nextInt(left.size())));
        }
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (chosen.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Each element with probability 1/{@code oneIn}, in order. */
    private List<String> subset(List<String> from, int oneIn) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (rng.nextInt(oneIn) == 0) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "HistoryGenerator(" + seed + ")";
    }
}
