package org.nocturne.core.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line saying what machine and Java this runs on, for benchmark tables and reports a user sends: "AMD EPYC, 2
 * cores, max heap 6144 MB, OpenJDK 64-Bit Server VM 25.0.3, Linux amd64". The CPU model is read from
 * {@code /proc/cpuinfo} where there is one.
 */
public final class MachineDescription {

    private MachineDescription() {
    }

    /** Reads the description now; blocks on a small file read. */
    public static String describe() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        Runtime runtime = Runtime.getRuntime();
        return cpu + ", " + runtime.availableProcessors() + " cores, max heap " + (runtime.maxMemory() >> 20) + " MB, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
