package org.nocturne.image.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.nocturne.core.system.MachineDescription;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.display.Debayer;
import org.nocturne.image.display.ScreenTransferFunction;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.image.stats.ImageStatistics;

/**
 * Times the image core on 24 MP (6000×4000) and 61 MP (9576×6388) 16-bit frames — FITS read and write (and, at 24 MP,
 * the first read in a new JVM, through {@link FirstRead}), exact statistics, auto-stretch to 8-bit, debayer, star
 * detection with HFR — and, on the same files in the same run, Source
 * Extractor and cfitsio's {@code fitscopy} where installed. Prints a Markdown table with the targets of
 * docs/performance.md beside the figures, and writes it to the file given as an argument.
 *
 * <p>Each figure is the median of {@value #RUNS} timed runs after {@value #WARMUPS} warm-up runs (files in the page
 * cache). For star detection it also reports the bytes allocated per run (all threads) and the largest heap in use
 * during its runs, garbage not yet collected included. A benchmark, never a test: nothing
 * here fails on time.
 */
public final class ImageBenchmark {

    private static final int WARMUPS = 3;
    private static final int RUNS = 7;

    private record Size(String name, int width, int height) {
    }

    private record Row(String operation, String size, double millis, String target, String note) {
    }

    /** Rows whose operation contains one of these words are run; all when empty ({@code --only=word,word}). */
    private static List<String> only = List.of();

    /**
     * Arguments: the file to write the table to, optional; {@code --only=read,stretch} runs only the rows whose
     * operation contains one of the words (case-insensitive), for iterating on a few rows; such a run prints its rows
     * and writes no table, which comes from a run of all rows.
     */
    public static void main(String[] args) throws Exception {
        Path output = null;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = Arrays.stream(arg.substring("--only=".length()).split(",")).map(w -> w.toLowerCase(Locale.ROOT))
                        .toList();
            } else {
                output = Path.of(arg);
            }
        }
        Path work = Files.createTempDirectory("nocturne-bench");
        List<Row> rows = new ArrayList<>();
        try {
            for (Size size : List.of(new Size("24 MP", 6000, 4000), new Size("61 MP", 9576, 6388))) {
                measure(size, work, rows);
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
        String report = report(rows);
        System.out.println(report);
        if (output != null && !only.isEmpty()) {
            System.out.println("not written to " + output + ": only some rows were run");
        } else if (output != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, report);
            System.out.println("written to " + output);
        }
    }

    private static void measure(Size size, Path work, List<Row> rows) throws Exception {
        System.err.println("Making the " + size.name() + " frame...");
        Frame frame = BenchmarkFrames.synthetic(size.width(), size.height(), 24);
        Path file = work.resolve("frame-" + size.width() + ".fits");
        boolean big = size.width() > 6000;

        if (selected("FITS write (atomic)")) {
            rows.add(new Row("FITS write (atomic)", size.name(), time(() -> FitsFrames.write(frame, file)),
                    big ? "-" : "≤ 15 ms", "includes fsync to disk (the target is to page cache) and rename"));
        }
        if (selected("FITS write (atomic, no fsync)")) {
            rows.add(new Row("FITS write (atomic, no fsync)", size.name(), time(() -> FitsFrames.write(frame, file, false)),
                    big ? "-" : "≤ 15 ms", "to the page cache; the rename replaces the previous run's file, and unlinking it is most of the time"));
        }
        if (selected("FITS write (atomic, no fsync, new name)")) {
            Path[] fresh = new Path[1];
            int[] serial = new int[1];
            rows.add(new Row("FITS write (atomic, no fsync, new name)", size.name(), time(() -> {
                if (fresh[0] != null) {
                    Files.deleteIfExists(fresh[0]);
                }
                fresh[0] = work.resolve("frame-" + size.width() + "-" + serial[0]++ + ".fits");
            }, () -> FitsFrames.write(frame, fresh[0], false)), big ? "-" : "≤ 15 ms",
                    "to the page cache, a new file each run as in a capture sequence (the previous one deleted untimed)"));
            if (fresh[0] != null) {
                Files.deleteIfExists(fresh[0]);
            }
        }
        if (!Files.exists(file)) {
            FitsFrames.write(frame, file, false);
        }
        if (selected("FITS read to 16-bit")) {
            rows.add(new Row("FITS read to 16-bit", size.name(), time(() -> FitsFrames.read(file)), big ? "≤ 15 ms" : "≤ 6 ms",
                    "header by nom-tam-fits, pixels through pooled direct buffers on all cores; includes allocating the 16-bit array"));
        }
        if (selected("FITS read to 16-bit, reused array")) {
            short[] reuse = new short[frame.pixels().length];
            rows.add(new Row("FITS read to 16-bit, reused array", size.name(), time(() -> FitsFrames.read(file, reuse)),
                    big ? "≤ 15 ms" : "≤ 6 ms", "FitsFrames.read(file, array), as a loop over frames of one size does"));
        }
        if (!big && selected("FITS read, first in a fresh JVM")) {
            FreshJvm first = firstReadInFreshJvms(file);
            rows.add(new Row("FITS read, first in a fresh JVM", size.name(), first.readMillis(), "≤ 40 ms",
                    "the first FitsFrames.read of a new JVM with default heap settings (class loading, interpreter, page faults); the whole process took "
                            + String.format(Locale.ROOT, "%.0f", first.processMillis()) + " ms"));
        }
        if (selected("Statistics (exact median, MAD)")) {
            rows.add(new Row("Statistics (exact median, MAD)", size.name(), time(() -> ImageStatistics.of(frame)), "-", "histogram"));
        }
        if (selected("Auto-stretch to 8-bit")) {
            byte[] display = new byte[frame.pixels().length];
            rows.add(new Row("Auto-stretch to 8-bit", size.name(), time(() -> {
                byte[] lut = ScreenTransferFunction.auto(ImageStatistics.of(frame)).lookupTable();
                ScreenTransferFunction.apply(lut, frame.pixels(), display);
            }), big ? "-" : "≤ 8 ms", "statistics + LUT + apply"));
        }
        Frame bayer = Frame.of(frame.width(), frame.height(), frame.pixels(), BayerPattern.RGGB, frame.metadata());
        if (selected("Debayer, superpixel (half size)")) {
            rows.add(new Row("Debayer, superpixel (half size)", size.name(), time(() -> Debayer.superpixel(bayer)),
                    big ? "-" : "≤ 5 ms", "RGGB"));
        }
        if (selected("Debayer, bilinear (full size)")) {
            rows.add(new Row("Debayer, bilinear (full size)", size.name(), time(() -> Debayer.bilinear(bayer)),
                    big ? "-" : "≤ 25 ms", "RGGB"));
        }
        if (selected("Star detection + HFR")) {
            StarDetector detector = new StarDetector();
            StarList[] found = new StarList[1];
            resetPeakHeap();
            long allocatedBefore = allocatedBytes();
            double detection = time(() -> found[0] = detector.detect(frame));
            long allocatedPerRun = (allocatedBytes() - allocatedBefore) / (WARMUPS + RUNS);
            rows.add(new Row("Star detection + HFR", size.name(), detection, big ? "≤ 50 ms" : "≤ 20 ms",
                    found[0].stars().size() + " stars, median HFR " + String.format(Locale.ROOT, "%.2f", found[0].medianHfr())
                            + " px; allocates " + (allocatedPerRun >> 20) + " MB per run; peak heap in use "
                            + peakHeapMegabytes() + " MB (uncollected garbage included)"));
        }
        if (Files.isExecutable(Path.of("/usr/bin/source-extractor")) && selected("source-extractor 2.25 (whole run)")) {
            // The same measurements ours makes: windowed centroid, flux, flags, half-flux radius.
            Path parameters = Files.writeString(work.resolve("bench.param"),
                    "XWIN_IMAGE\nYWIN_IMAGE\nFLUX_AUTO\nFLUXERR_AUTO\nFLAGS\nFLUX_RADIUS\n");
            rows.add(new Row("source-extractor 2.25 (whole run)", size.name(), timeProcess(work, "/usr/bin/source-extractor",
                    file.toString(), "-c", "/usr/share/source-extractor/default.sex", "-PARAMETERS_NAME",
                    parameters.toString(), "-FILTER_NAME", "/usr/share/source-extractor/default.conv",
                    "-CATALOG_NAME", work.resolve("se.cat").toString(), "-VERBOSE_TYPE", "QUIET", "-GAIN", "1"),
                    "reference", "FITS read, background, detection, catalogue"));
        }
        if (Files.isExecutable(Path.of("/usr/bin/fitscopy")) && selected("cfitsio fitscopy (read + write)")) {
            rows.add(new Row("cfitsio fitscopy (read + write)", size.name(), timeProcess(work, "/usr/bin/fitscopy",
                    file.toString(), "!" + work.resolve("copy.fits")), "reference", "process start included"));
        }
        Files.deleteIfExists(file);
    }

    /** True when the row is to be run: all rows, or those named by {@code --only}. */
    private static boolean selected(String operation) {
        String name = operation.toLowerCase(Locale.ROOT);
        return only.isEmpty() || only.stream().anyMatch(name::contains);
    }

    private record FreshJvm(double readMillis, double processMillis) {
    }

    /**
     * Medians over {@value #RUNS} new JVMs (after {@value #WARMUPS} untimed ones, which bring the JDK's and our classes
     * into the page cache) of the time {@link FirstRead} reports for its one read, and of the whole process.
     */
    private static FreshJvm firstReadInFreshJvms(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), FirstRead.class.getName(),
                file.toString());
        double[] read = new double[RUNS];
        double[] process = new double[RUNS];
        for (int i = -WARMUPS; i < RUNS; i++) {
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(child.getInputStream().readAllBytes()).trim();
            if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            if (i >= 0) {
                process[i] = (System.nanoTime() - start) / 1e6;
                read[i] = Double.parseDouble(output);
            }
        }
        Arrays.sort(read);
        Arrays.sort(process);
        return new FreshJvm(read[RUNS / 2], process[RUNS / 2]);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        return time(() -> {
        }, work);
    }

    /** As {@link #time(Work)}, with {@code setup} run untimed before each run. */
    private static double time(Work setup, Work work) throws Exception {
        for (int i = 0; i < WARMUPS; i++) {
            setup.run();
            work.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            setup.run();
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static double timeProcess(Path work, String... command) throws Exception {
        return time(() -> {
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        });
    }

    /** Bytes allocated so far by all threads of this JVM (HotSpot's extension of ThreadMXBean). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static String report(List<Row> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Image core benchmark, ").append(LocalDate.now()).append("\n\n");
        out.append("Command: `releng/benchmark-image`. Median of ").append(RUNS).append(" runs after ").append(WARMUPS)
                .append(" warm-up runs; files in the page cache; JVM heap pre-touched (-XX:+AlwaysPreTouch). Synthetic frames: Gaussian stars (sigma 1.4-2.2 px, one per 8000 px), ")
                .append("sky 1000 ADU, Poisson and read noise 8; the debayer rows read the same pixels as RGGB. Targets from docs/performance.md (T1-T5), "
                + "stated for a faster research box.\n\n");
        out.append("Machine: ").append(MachineDescription.describe()).append("\n\n");
        out.append("| operation | frame | median ms | target | notes |\n|---|---|---:|---|---|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s |%n", row.operation(), row.size(), row.millis(),
                    row.target(), row.note()));
        }
        return out.toString();
    }
}
