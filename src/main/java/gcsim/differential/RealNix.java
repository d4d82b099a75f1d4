package gcsim.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real side of a history: its steps as Nix 2.8 commands and file operations on a fresh
 * {@link TempStore}, then {@code nix-store --gc --print-dead} and {@code nix-store --gc}, with the
 * store directory listed before and after. Nothing else runs against that store meanwhile, and the
 * only live processes besides the command are the temp-roots helpers, whose arguments and
 * environment name no store path.
 */
public final class RealNix {
    private static final Pattern JSON_ENTRY = Pattern.compile("\"([^\"]+)\":\"([^\"]+)\"");
    /** temproots files are named by pid; these names are above any pid Linux hands out (2^22). */
    private static final int TEMP_ROOTS_NAME_BASE = 1_000_000_000;
    private final NixInstall nix;
    private final Path parent;
    private String system;

    public RealNix(NixInstall nix, Path parent) {
        this.nix = nix;
        this.parent = parent;
    }

    /** Runs {@code h} on a fresh store and tears it down. */
    public Outcome run(History h) {
        List<String> options = List.of("--option", "substituters", "",
                "--option", "keep-derivations", String.valueOf(h.keepDerivations()),
                "--option", "keep-outputs", String.valueOf(h.keepOutputs()));
        try (TempStore store = new TempStore(nix, parent, options)) {
            return run(h, store);
        } catch (IOException e) {
            return Outcome.failed(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome run(History h, TempStore store) throws IOException, InterruptedException {
        Path x = store.dir().resolve("x");
        Files.writeString(x.resolve("default.nix"), NixExpression.defaultNix(h), StandardCharsets.UTF_8);
        Map<String, Path> full = new TreeMap<>();
        StorePaths.of(h, store.logicalStoreDir(), system()).forEach((k, v) -> full.put(k, Path.of(v)));
        Universe u = h.universe();
        String defaultNix = x.resolve("default.nix").toString();
        for (Step step : h.steps()) {
            TempStore.Result r = null;
            if (step instanceof Step.Instantiate s) {
                List<String> args = new ArrayList<>(List.of(defaultNix));
                for (String d : s.drvs()) {
                    args.addAll(List.of("-A", d));
                }
                addRoot(args, "--add-root", s.rootLink(), store);
                r = store.nix(nix.nixInstantiate(), args);
            } else if (step instanceof Step.NixBuild s) {
                List<String> args = new ArrayList<>(List.of(defaultNix, "-A", u.derivation(s.drv()).dev() ? s.drv() + ".all" : s.drv()));
                if (s.outLink() == null) {
                    args.add("--no-out-link");
                } else {
                    addRoot(args, "-o", s.outLink(), store);
                }
                r = store.nix(nix.nixBuild(), args);
            } else if (step instanceof Step.Realise s) {
                List<String> args = new ArrayList<>(List.of("-r"));
                for (String d : s.drvs()) {
                    args.add(full.get(u.derivation(d).drv()).toString());
                }
                addRoot(args, "--add-root", s.rootLink(), store);
                r = store.nix(nix.nixStore(), args);
            } else if (step instanceof Step.AddSource s) {
                r = store.nix(nix.nixInstantiate(), List.of("--eval", "--read-write-mode", defaultNix, "-A", s.source()));
            } else if (step instanceof Step.GcrootLink s) {
                symlink(store.link(s.name()), full.get(s.path()));
            } else if (step instanceof Step.IndirectRoot s) {
                Path link = store.link(s.link());
                symlink(link, full.get(s.path()));
                symlink(store.stateDir().resolve("gcroots/auto/gcsim" + s.link().replace('/', '_')), link);
            } else if (step instanceof Step.RemoveRoot s) {
                Files.deleteIfExists(store.link(s.link()));
            } else if (step instanceof Step.LiveTempRoots s) {
                store.tempRoots(String.valueOf(TEMP_ROOTS_NAME_BASE + s.id()), paths(full, s.paths()), true);
            } else if (step instanceof Step.DeadTempRoots s) {
                store.tempRoots(String.valueOf(TEMP_ROOTS_NAME_BASE + s.id()), paths(full, s.paths()), false);
            } else if (step instanceof Step.CollectGarbage) {
                r = store.nix(nix.nixStore(), List.of("--gc"));
            }
            if (r != null && !r.ok()) {
                return Outcome.failed(r.failure());
            }
        }
        List<String> before = store.listStore();
        TempStore.Result dead = store.nix(nix.nixStore(), List.of("--gc", "--print-dead"));
        if (!dead.ok()) {
            return Outcome.failed(dead.failure());
        }
        TreeSet<String> deadNames = new TreeSet<>();
        String prefix = store.logicalStoreDir() + "/";
        for (String line : dead.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            deadNames.add(line.startsWith(prefix) ? TempStore.shortName(line.substring(prefix.length())) : line);
        }
        TempStore.Result gc = store.nix(nix.nixStore(), List.of("--gc"));
        if (!gc.ok()) {
            return Outcome.failed(gc.failure());
        }
        return new Outcome(before, List.copyOf(deadNames), store.listStore(), null);
    }

    /** Nix's {@code builtins.currentSystem} here, asked once: derivations name it and their paths depend on it. */
    synchronized String system() throws IOException, InterruptedException {
        if (system == null) {
            try (TempStore store = new TempStore(nix, parent, List.of("--option", "substituters", ""))) {
                TempStore.Result r = store.nix(nix.nixInstantiate(), List.of("--eval", "--json", "-E", "builtins.currentSystem"));
                if (!r.ok()) {
                    throw new IOException(r.failure());
                }
                system = r.out().strip().replace("\"", "");
            }
        }
        return system;
    }

    /**
     * Null when {@link StorePaths} gives every path of {@code h} exactly as real Nix evaluates
     * {@code paths.nix} on a fresh store; otherwise what differs.
     */
    String checkStorePaths(History h) throws IOException, InterruptedException {
        try (TempStore store = new TempStore(nix, parent, List.of("--option", "substituters", ""))) {
            Path x = store.dir().resolve("x");
            Files.writeString(x.resolve("default.nix"), NixExpression.defaultNix(h), StandardCharsets.UTF_8);
            Files.writeString(x.resolve("paths.nix"), NixExpression.pathsNix(h), StandardCharsets.UTF_8);
            TempStore.Result r = store.nix(nix.nixInstantiate(), List.of("--eval", "--strict", "--json", x.resolve("paths.nix").toString()));
            if (!r.ok()) {
                return r.failure();
            }
            Map<String, String> real = new TreeMap<>();
            Matcher m = JSON_ENTRY.matcher(r.out());
            while (m.find()) {
                real.put(m.group(1), m.group(2));
            }
            Map<String, String> computed = StorePaths.of(h, store.logicalStoreDir(), system());
            return real.equals(computed) ? null : "real " + real + ", computed " + computed;
        }
    }

    private static void addRoot(List<String> args, String flag, String link, TempStore store) {
        if (link != null) {
            args.add(flag);
            args.add(store.link(link).toString());
        }
    }

    private static List<Path> paths(Map<String, Path> full, List<String> names) {
        return names.stream().map(full::get).toList();
    }

    private static void symlink(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }
}
