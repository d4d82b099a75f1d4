package gcsim.differential;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real side of a {@link ConcurrentHistory}: {@code nix-store --gc} with both test hooks set to
 * FIFOs, and the client acting while the collector is stopped at one of them. A hook is Nix's
 * {@code readFile} of the FIFO: it opens the FIFO for reading, which blocks until a writer opens it,
 * then reads to end-of-file. So the harness knows the collector has reached the hook when its own
 * open for writing returns, and releases it by closing. The other hook is released at once.
 *
 * <p>Under hook 1 the collector holds {@code gc.lock} and has no socket yet, so a client's
 * {@code addTempRoot} cannot finish; the harness gives it a second, checks that it is still
 * waiting, releases hook 1, and holds hook 2 until the client has ended. Under hook 2 the client
 * runs to its end before the hook is released.
 */
public final class HookedNix {
    private static final long HOOK_TIMEOUT_SECONDS = 60;
    private static final long CLIENT_WAIT_MILLIS = 1_000;
    private static final int HOLDER_NAME = 1_000_000_000;
    private final NixInstall nix;
    private final Path parent;

    public HookedNix(NixInstall nix, Path parent) {
        this.nix = nix;
        this.parent = parent;
    }

    /** Runs {@code c} on a fresh store: which of {@link ConcurrentHistory#PATHS} the collection kept. */
    public Outcome run(ConcurrentHistory c) {
        try (TempStore store = new TempStore(nix, parent, List.of("--option", "substituters", ""))) {
            return run(c, store);
        } catch (IOException e) {
            return Outcome.failed(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }

    private Outcome run(ConcurrentHistory c, TempStore store) throws IOException, InterruptedException {
        Map<String, Path> full = new TreeMap<>();
        for (String name : ConcurrentHistory.PATHS) {
            Path file = store.dir().resolve("x").resolve(name);
            Files.writeString(file, "gcsim concurrent history " + c.name() + ", path " + name + "\n", StandardCharsets.UTF_8);
            TempStore.Result r = store.nix(nix.nixStore(), List.of("--add", file.toString()));
            if (!r.ok()) {
                return Outcome.failed(r.failure());
            }
            full.put(name, Path.of(r.out().strip()));
        }
        Path p = full.get("p");
        Process holder = null;
        if (c.client() == ConcurrentHistory.Client.HOLDER_EXITS) {
            holder = store.tempRoots(String.valueOf(HOLDER_NAME), List.of(p), true);
        }
        Path[] fifo = {store.dir().resolve("sync-1"), store.dir().resolve("sync-2")};
        for (Path f : fifo) {
            TempStore.Result r = store.run(List.of("/usr/bin/mkfifo", f.toString()));
            if (!r.ok()) {
                return Outcome.failed(r.failure());
            }
        }
        Path out = store.dir().resolve("gc.out");
        Path err = store.dir().resolve("gc.err");
        List<Process> clients = new ArrayList<>();
        Process gc = store.startNix(nix.nixStore(), List.of("--gc"), out, err,
                Map.of("_NIX_TEST_GC_SYNC_1", fifo[0].toString(), "_NIX_TEST_GC_SYNC_2", fifo[1].toString()));
        try {
            for (int hook = 1; hook <= 2; hook++) {
                OutputStream w = reached(fifo[hook - 1], gc);
                if (w == null) {
                    return Outcome.failed("the collector never reached hook " + hook + ": " + lastLine(err));
                }
                String failure = hook == c.hook() ? act(c, store, p, holder, clients) : null;
                if (hook == 2) {
                    failure = failure != null ? failure : awaitClients(clients, store);
                }
                w.close();
                if (failure != null) {
                    return Outcome.failed(failure);
                }
            }
            if (!gc.waitFor(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return Outcome.failed("nix-store --gc did not end after its hooks were released");
            }
            if (gc.exitValue() != 0) {
                return Outcome.failed("nix-store --gc exited " + gc.exitValue() + ": " + lastLine(err));
            }
        } finally {
            for (Process client : clients) {
                client.descendants().forEach(ProcessHandle::destroyForcibly);
                client.destroyForcibly();
            }
            if (gc.isAlive()) {
                gc.descendants().forEach(ProcessHandle::destroyForcibly);
                gc.destroyForcibly();
                gc.waitFor();
            }
        }
        List<String> kept = new ArrayList<>(store.listStore());
        kept.retainAll(ConcurrentHistory.PATHS);
        return new Outcome(List.copyOf(ConcurrentHistory.PATHS), List.of(), List.copyOf(kept), null);
    }

    /**
     * Waits, with the collector held at hook 2, for a client that hook 1 held up: once hook 1 is
     * released its root goes through the socket, and holding hook 2 makes sure it arrives before
     * the closure walk, the order the model replays (otherwise it is a race with the client's
     * 100 ms retry). Null when every such client ended well.
     */
    private static String awaitClients(List<Process> clients, TempStore store) throws IOException, InterruptedException {
        for (Process client : clients) {
            if (!client.waitFor(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS) || client.exitValue() != 0) {
                return "the client " + (client.isAlive() ? "did not end" : "exited " + client.exitValue())
                        + " after hook 1 was released: " + lastLine(store.dir().resolve("client.err"));
            }
        }
        return null;
    }

    /** The client's action while the collector sits in its hook; null when it went as planned. */
    private String act(ConcurrentHistory c, TempStore store, Path p, Process holder, List<Process> clients)
            throws IOException, InterruptedException {
        List<String> args;
        switch (c.client()) {
            case SYMLINK_ROOT -> {
                Path link = store.stateDir().resolve("gcroots").resolve(ModelConcurrent.GCROOT);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, p);
                return null;
            }
            case HOLDER_EXITS -> {
                holder.descendants().forEach(ProcessHandle::destroy);
                holder.destroy();
                return holder.waitFor(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS) ? null : "the temp-roots holder did not exit";
            }
            case REALISE -> args = List.of("-r", p.toString());
            case REALISE_ADD_ROOT -> args = List.of("-r", p.toString(), "--add-root", store.link(ModelConcurrent.LINK).toString());
            default -> throw new IllegalStateException(c.client().toString());
        }
        Path out = store.dir().resolve("client.out");
        Path err = store.dir().resolve("client.err");
        Process client = store.startNix(nix.nixStore(), args, out, err);
        if (c.hook() == 1) {
            if (client.waitFor(CLIENT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return "the client ended while the collector held gc.lock at hook 1 (exit " + client.exitValue() + ": "
                        + lastLine(err) + "); it was expected to wait for the collector's socket";
            }
            clients.add(client); // the caller releases the hook, then waits for the client's end
            return null;
        }
        if (!client.waitFor(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
            return "the client did not end while the collector was paused at hook 2";
        }
        return client.exitValue() == 0 ? null : "the client exited " + client.exitValue() + ": " + lastLine(err);
    }

    /**
     * Opens the hook's FIFO for writing, which returns once the collector opened it for reading;
     * null when the collector ended or the time ran out first (the pending open is then unblocked by
     * opening the FIFO for reading ourselves).
     */
    private static OutputStream reached(Path fifo, Process gc) throws InterruptedException {
        CompletableFuture<OutputStream> open = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileOutputStream(fifo.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOOK_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                return open.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!gc.isAlive()) {
                    break;
                }
            } catch (ExecutionException e) {
                return null;
            }
        }
        try (FileInputStream unblock = new FileInputStream(fifo.toFile())) {
            open.get(HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS).close();
        } catch (IOException | ExecutionException | TimeoutException e) {
            // nothing more to undo
        }
        return null;
    }

    private static String lastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
