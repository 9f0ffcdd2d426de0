package org.nocturne.device.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path directory;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("rig.json");
        Files.writeString(file, "old");

        new AtomicFile(file).write("new content".getBytes(StandardCharsets.UTF_8));
        new AtomicFile(directory.resolve("other.json")).write("other".getBytes(StandardCharsets.UTF_8));

        assertEquals("new content", Files.readString(file));
        assertEquals(List.of("other.json", "rig.json"), fileNames());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAsItWasAndNoTemporaryFile() throws IOException {
        Path file = directory.resolve("rig.json");
        byte[] old = "{\"format\": 1}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, old);

        IOException full = assertThrows(IOException.class, () -> new AtomicFile(file).write(out -> {
            out.write("{\"format\": 1, \"na".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        RuntimeException bug = assertThrows(RuntimeException.class, () -> new AtomicFile(file).write(out -> {
            out.write(new byte[4096]);
            throw new IllegalStateException("writer bug");
        }));

        assertEquals("No space left on device", full.getMessage());
        assertEquals("writer bug", bug.getMessage());
        assertArrayEquals(old, Files.readAllBytes(file));
        assertEquals(List.of("rig.json"), fileNames());
    }

    @Test
    void aNewFileAppearsWholeOrNotAtAll() throws IOException {
        Path file = directory.resolve("new.json");

        assertThrows(IOException.class, () -> new AtomicFile(file).write(out -> {
            out.write('{');
            throw new IOException("interrupted");
        }));

        assertEquals(List.of(), fileNames());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
