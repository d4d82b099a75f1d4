package gcsim.model;

import gcsim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Permanent roots (§2.8, §2.10): symlinks under {@code gcroots/} and {@code profiles/} into the
 * store, indirect roots under {@code gcroots/auto/} pointing at links elsewhere, and those links.
 * Sorted maps give the walk a fixed order.
 */
final class Roots {
    private final Kernel kernel;
    private final int resource;
    /** gcroots/NAME and profiles/NAME → store path (a symlink into the store). */
    final TreeMap<String, Integer> direct = new TreeMap<>();
    /** gcroots/auto/NAME → the link it points at. */
    final TreeMap<String, String> auto = new TreeMap<>();
    /** Links outside the state dir (a user's result link) → store path. */
    final TreeMap<String, Integer> links = new TreeMap<>();

    Roots(Kernel kernel) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
    }

    int resource() {
        return resource;
    }

    /** One entry of the walk of gcroots and profiles: a name and where it leads (a path id or -1). */
    record Entry(String name, String indirectLink) {}

    /**
     * The entries of {@code findRoots(gcroots)} in order, as the directory stands when the walk
     * starts: the direct links, then {@code gcroots/auto}'s indirect links.
     */
    List<Entry> walkGcroots() {
        kernel.read(resource);
        List<Entry> out = new ArrayList<>(direct.size() + auto.size());
        for (String name : direct.keySet()) {
            if (name.startsWith("gcroots/")) {
                out.add(new Entry(name, null));
            }
        }
        for (Map.Entry<String, String> e : auto.entrySet()) {
            out.add(new Entry("gcroots/auto/" + e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The entries of {@code findRoots(profiles)}, as the directory stands when that walk starts. */
    List<Entry> walkProfiles() {
        kernel.read(resource);
        List<Entry> out = new ArrayList<>(2);
        for (String name : direct.keySet()) {
            if (name.startsWith("profiles/")) {
                out.add(new Entry(name, null));
            }
        }
        return out;
    }

    /** Creates (or replaces) a link outside the store's state dir: makeSymlink's rename (§2.10). */
    void makeLink(String link, int path) {
        kernel.write(resource);
        links.put(link, path);
    }

    /** addIndirectRoot: gcroots/auto/<hash of link> → link (§2.10). */
    void addIndirect(String link) {
        kernel.write(resource);
        auto.put(autoName(link), link);
    }

    void addDirect(String name, int path) {
        kernel.write(resource);
        direct.put(name, path);
    }

    /** Deletes a root link: {@code gcroots/NAME} or {@code profiles/NAME}, or a link outside. */
    void remove(String link) {
        kernel.write(resource);
        if (direct.remove(link) == null && direct.remove("gcroots/" + link) == null) {
            links.remove(link);
        }
    }

    void removeAuto(String autoEntry) {
        kernel.write(resource);
        auto.remove(autoEntry.substring("gcroots/auto/".length()));
    }

    Integer linkTarget(String link) {
        kernel.read(resource);
        return links.get(link);
    }

    Integer directTarget(String name) {
        kernel.read(resource);
        return direct.get(name);
    }

    /** A stable stand-in for nix32(sha1(link)): deterministic, unique per link. */
    static String autoName(String link) {
        return Integer.toHexString(link.hashCode()) + "-" + link.replace('/', '_');
    }
}
