package org.nocturne.solver.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/** Runs real processes through {@code /bin/sh}; each wait is bounded and stated. */
class ProcessRunTest {

    @Test
    void keepsTheExitStatusAndTheTailOfBothOutputStreams() throws Exception {
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            ProcessRun.Outcome outcome = run.run(List.of("sh", "-c",
                    "for i in $(seq 1 100); do echo line $i; done; echo 'went wrong' >&2; exit 3"), Duration.ofSeconds(10));
            assertEquals(3, outcome.exitCode());
            assertFalse(outcome.succeeded());
            assertFalse(outcome.timedOut());
            assertTrue(outcome.outputTail().endsWith("line 100\nwent wrong"), outcome.outputTail());
            assertFalse(outcome.outputTail().contains("line 80\n"), "only the last lines are kept");
        }
    }

    @Test
    void runsInItsOwnDirectoryAndDeletesItOnClose() throws Exception {
        Path directory;
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            directory = run.directory();
            ProcessRun.Outcome outcome = run.run(List.of("sh", "-c", "mkdir sub && echo x > sub/file && pwd"), Duration.ofSeconds(10));
            assertTrue(outcome.succeeded(), outcome.outputTail());
            assertEquals(directory.toRealPath().toString(), outcome.outputTail());
            assertTrue(Files.exists(directory.resolve("sub/file")));
        }
        assertFalse(Files.exists(directory), "deleted with its contents");
    }

    @Test
    void killsTheProgramAndItsChildrenWhenTheTimeLimitPasses() throws Exception {
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            long start = System.nanoTime();
            ProcessRun.Outcome outcome = run.run(List.of("sh", "-c", "sleep 30 & sleep 30 & wait"), Duration.ofMillis(500));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(outcome.timedOut());
            assertFalse(outcome.cancelled());
            assertTrue(seconds < 5, "returned after " + seconds + " s, want < 5 s");
            assertNoChildProcessLeft();
        }
    }

    @Test
    void cancelKillsTheProgramAndItsDescendantsBeforeReturning() throws Exception {
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            AtomicReference<ProcessRun.Outcome> outcome = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    outcome.set(run.run(List.of("sh", "-c", "sh -c 'sleep 60 & wait' & sleep 60 & wait"), Duration.ofSeconds(60)));
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            waiter.start();
            List<ProcessHandle> tree = awaitDescendants(3);
            run.cancel();
            for (ProcessHandle process : tree) {
                assertFalse(ProcessRun.isRunning(process), "still running after cancel: " + process.info());
            }
            waiter.join(5000);
            assertTrue(outcome.get().cancelled());
            assertFalse(outcome.get().timedOut());
        }
    }

    @Test
    void aCancelledRunStartsNothing() throws Exception {
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            run.cancel();
            ProcessRun.Outcome outcome = run.run(List.of("sh", "-c", "touch started"), Duration.ofSeconds(10));
            assertTrue(outcome.cancelled());
            assertFalse(Files.exists(run.directory().resolve("started")));
        }
    }

    @Test
    void aMissingProgramIsAnIOException() throws Exception {
        try (ProcessRun run = ProcessRun.inTemporaryDirectory("nocturne-test-")) {
            assertThrows(IOException.class, () -> run.run(List.of("/nonexistent/solve-field"), Duration.ofSeconds(1)));
        }
    }

    @Test
    void anAttemptThatThrowsFailsWithTheReasonAndLeavesNoDirectory() throws Exception {
        AtomicReference<Path> directory = new AtomicReference<>();
        SolveResult result = ExternalSolve.start("test", request(), "nocturne-test-", run -> {
            directory.set(run.directory());
            throw new IOException("cannot write the star list");
        }).get(10, TimeUnit.SECONDS);
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("cannot write the star list", failed.reason());
        assertEquals("test", failed.solverId());
        awaitGone(directory.get());
    }

    @Test
    void cancellingTheAttemptKillsItsProgramPromptly() throws Exception {
        AtomicReference<Path> directory = new AtomicReference<>();
        CompletableFuture<SolveResult> result = ExternalSolve.start("test", request(), "nocturne-test-", run -> {
            directory.set(run.directory());
            ProcessRun.Outcome outcome = run.run(List.of("sh", "-c", "sleep 60 & wait"), Duration.ofSeconds(60));
            return new SolveResult.Failed("test", SolveMode.BLIND, outcome.elapsed(), "should have been cancelled");
        });
        List<ProcessHandle> tree = awaitDescendants(2);
        long start = System.nanoTime();
        assertTrue(result.cancel(true));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ProcessHandle process : tree) {
            assertFalse(ProcessRun.isRunning(process), "still running after cancel: " + process.info());
        }
        assertTrue(seconds < 2, "cancel took " + seconds + " s, want < 2 s");
        assertThrows(CancellationException.class, result::join);
        awaitGone(directory.get());
    }

    @Test
    void findsProgramsOnTheSearchPathOrByTheirPath(@TempDir Path bin) throws Exception {
        Path program = Files.writeString(bin.resolve("solve-field"), "#!/bin/sh\n");
        Path notExecutable = Files.writeString(bin.resolve("astap_cli"), "#!/bin/sh\n");
        assertTrue(program.toFile().setExecutable(true));
        ProgramLocator locator = new ProgramLocator("/nonexistent" + java.io.File.pathSeparator + bin);
        assertEquals(program, locator.find("solve-field").orElseThrow());
        assertEquals(program, locator.find(program.toString()).orElseThrow());
        assertTrue(locator.find("astap_cli").isEmpty(), "not executable");
        assertTrue(locator.find(notExecutable.toString()).isEmpty(), "not executable");
        assertTrue(locator.find("astap").isEmpty());
        assertTrue(locator.find("").isEmpty());
        assertTrue(new ProgramLocator(null).find("sh").isEmpty());
        assertTrue(new ProgramLocator().find("sh").isPresent(), "sh on this machine's PATH");
    }

    private static SolveRequest request() {
        return SolveRequest.ofStars(100, 100, new StarList(List.of(), 0, 0, 0, 0, 0));
    }

    /** This JVM's descendant processes once there are at least {@code count}; waits up to 5 s. */
    private static List<ProcessHandle> awaitDescendants(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> found = List.of();
        while (System.nanoTime() < deadline) {
            found = ProcessHandle.current().descendants().toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " child processes within 5 s, found " + found.size());
    }

    private static void assertNoChildProcessLeft() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessRun::isRunning).toList();
        assertTrue(left.isEmpty(), "processes left: " + left.stream().map(p -> p.info().commandLine().orElse("?")).toList());
    }

    /** Waits up to 5 s for the attempt's directory to be deleted (after the result is complete, in its finally). */
    private static void awaitGone(Path directory) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(directory) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(directory), "temporary directory left: " + directory);
    }
}
