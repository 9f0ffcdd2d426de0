package org.nocturne.device.core.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a reader, a crash or a power cut finds either the old content or the whole new content, never a
 * mix: the content goes to a temporary file beside the target ({@code .<name>.<random>.partial}), is forced to the
 * disk, then renamed over the target, and the directory is forced too where the platform allows it. When writing
 * fails, the temporary file is removed and the target is untouched.
 *
 * <p>Blocks on file I/O; safe to call from several threads for different targets.
 */
final class AtomicFile {

    /** Writes the new content to the stream it is given; it need not close it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;

    AtomicFile(Path target) {
        this.target = target.toAbsolutePath();
    }

    void write(byte[] bytes) throws IOException {
        write(out -> out.write(bytes));
    }

    void write(Content content) throws IOException {
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename itself durable on POSIX file systems. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
