package org.nocturne.solver.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of an external program in a working directory of its own: started, waited for up to a time limit, killed
 * together with every process it started when the limit passes or when {@link #cancel} is called, and its output kept
 * for error messages. {@link #close} deletes the directory and everything in it.
 *
 * <p>The program's standard output and error go, merged, to a file in the directory, so a chatty program never blocks
 * on a full pipe and no thread is needed to drain it; {@link Outcome#outputTail()} is its last lines.
 *
 * <p>Threading: {@link #run} blocks the calling thread; {@link #cancel} may be called from any thread, at any time,
 * also before {@link #run} (which then does not start the program) and returns once the processes have exited (or after
 * {@link #KILL_WAIT}). One program at a time per instance.
 */
public final class ProcessRun implements AutoCloseable {

    /** How long {@link #cancel} and the time limit wait for killed processes to be gone. */
    public static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final String OUTPUT_FILE = "program-output.log";
    private static final int TAIL_LINES = 12;
    private static final int TAIL_CHARS = 2000;
    private static final int TAIL_BYTES = 64 * 1024;

    private final Path directory;
    private final long startNanos = System.nanoTime();
    private final Object lock = new Object();
    private Process process;
    private boolean cancelled;

    private ProcessRun(Path directory) {
        this.directory = directory;
    }

    /** A run in a new, empty directory under the system's temporary directory, named with {@code prefix}. */
    public static ProcessRun inTemporaryDirectory(String prefix) throws IOException {
        return new ProcessRun(Files.createTempDirectory(prefix));
    }

    /** The working directory, for the program's input and output files. */
    public Path directory() {
        return directory;
    }

    /** Wall time since this run was made. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Runs {@code command} in {@link #directory()} and waits until it exits, the time limit passes or the run is
     * cancelled; in the last two cases the program and its descendants are killed first.
     *
     * @throws IOException when the program cannot be started (not found, not executable)
     * @throws InterruptedException when the calling thread is interrupted; the processes are killed first
     */
    public Outcome run(List<String> command, Duration timeLimit) throws IOException, InterruptedException {
        Path output = directory.resolve(OUTPUT_FILE);
        long started = System.nanoTime();
        Process program;
        synchronized (lock) {
            if (cancelled) {
                return new Outcome(-1, false, true, Duration.ZERO, "");
            }
            program = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process = program;
        }
        program.getOutputStream().close();
        boolean timedOut = false;
        try {
            if (!program.waitFor(timeLimit.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                killTree(program);
            }
        } catch (InterruptedException e) {
            killTree(program);
            throw e;
        }
        int exitCode = program.waitFor();
        boolean wasCancelled;
        synchronized (lock) {
            wasCancelled = cancelled;
            process = null;
        }
        return new Outcome(exitCode, timedOut && !wasCancelled, wasCancelled, Duration.ofNanos(System.nanoTime() - started),
                tail(output));
    }

    /** Stops the run: kills the running program and its descendants, and keeps {@link #run} from starting another. */
    public void cancel() {
        Process running;
        synchronized (lock) {
            cancelled = true;
            running = process;
        }
        if (running != null) {
            killTree(running);
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /** Deletes the working directory with everything in it. Cancels a run still going. */
    @Override
    public void close() throws IOException {
        cancel();
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Kills {@code process} and every process it started, then waits up to {@link #KILL_WAIT} for them to exit. The
     * descendants are listed before the parent dies (after, they are re-parented and no longer its descendants), and
     * again below each of them after, for processes started in between.
     */
    static void killTree(Process process) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        process.destroyForcibly();
        Deque<ProcessHandle> toVisit = new ArrayDeque<>(all);
        while (!toVisit.isEmpty()) {
            toVisit.pop().descendants().filter(all::add).forEach(toVisit::add);
        }
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        // polled: onExit() of a process that is not this JVM's child is itself polled, with waits of up to seconds
        while (all.stream().anyMatch(ProcessRun::isRunning) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether {@code process} is still running: alive and, on Linux, not a zombie. A killed grandchild stays a zombie,
     * {@link ProcessHandle#isAlive() alive} to Java, until the process that inherits it (init) collects its exit status.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
            int afterName = text.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= text.length() || text.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return Files.exists(stat.getParent()) || !Files.isDirectory(Path.of("/proc/self"));
        }
    }

    private static String tail(Path output) throws IOException {
        if (!Files.exists(output)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : lastBytes(output).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        String text = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return text.length() <= TAIL_CHARS ? text : text.substring(text.length() - TAIL_CHARS);
    }

    /** The file's last {@value #TAIL_BYTES} bytes as text, undecodable bytes replaced. */
    private static String lastBytes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            int read;
            do {
                read = channel.read(buffer, start + buffer.position());
            } while (read > 0 && buffer.hasRemaining());
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    /**
     * How a program ended.
     *
     * @param exitCode its exit status; after a kill, whatever the system reports for it
     * @param timedOut whether the time limit passed and it was killed
     * @param cancelled whether {@link ProcessRun#cancel} stopped it (or kept it from starting)
     * @param elapsed how long it ran, wall time
     * @param outputTail the last lines of its merged standard output and error, blank lines left out
     */
    public record Outcome(int exitCode, boolean timedOut, boolean cancelled, Duration elapsed, String outputTail) {

        /** Whether it exited by itself with status 0. */
        public boolean succeeded() {
            return exitCode == 0 && !timedOut && !cancelled;
        }
    }
}
