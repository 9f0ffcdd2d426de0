package org.nocturne.image.fits;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.Wcs;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Standard;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.FitsOutputStream;

/**
 * Reads and writes frames as FITS files, through nom-tam-fits.
 *
 * <p>Reading takes the first 2-D image in the file (primary or extension, tile-compressed {@code .fz} included) in any
 * BITPIX, applies BSCALE/BZERO and turns it into unsigned 16-bit: integers are clipped to 0..65535; floating-point
 * images whose values all lie within [0, 1] (the normalised convention of PixInsight and Siril) are scaled by 65535,
 * others are taken as ADU and clipped. A file that is not FITS, is truncated, or holds no 2-D image gives a
 * {@link FitsFormatException} naming the file and the problem.
 *
 * <p>Rows stay in the order the file stores them, whatever its {@code ROWORDER}, and {@code BAYERPAT} (shifted by
 * {@code XBAYROFF}/{@code YBAYROFF}) is taken to describe the first stored row, as N.I.N.A. writes it and as Siril keeps
 * it when it flips a file.
 *
 * <p>16-bit integer images, the usual case, are read and written by {@link RawPixels} straight between the file and
 * the frame's array; nom-tam-fits handles the headers and every other kind of image.
 *
 * <p>Writing produces BITPIX 16 with BZERO 32768 and the full keyword set (see {@link FitsKeywords}), into a
 * temporary file beside the target that is flushed to disk and then renamed over it, so a crash never leaves a
 * half-written frame under the final name. Both calls block for the I/O; call them off the UI thread.
 */
public final class FitsFrames {

    private FitsFrames() {
    }

    /** Reads the frame in {@code file}. */
    public static Frame read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads the frame in {@code file} into {@code reuse} when that array has exactly as many elements as the image has
     * pixels, else into a new array, as {@link #read(Path)} does. For loops that read many frames of one size: a 24 MP
     * frame is a 48 MB array, and allocating (and zeroing) a fresh one costs more than the read itself.
     *
     * <p>The returned frame wraps {@code reuse} when it was used (check with {@code frame.pixels() == reuse}), so any
     * earlier frame built on the same array must no longer be in use: its pixels are overwritten. When the read fails,
     * the contents of {@code reuse} are undefined.
     *
     * @param reuse an array to read into, or null
     */
    public static Frame read(Path file, short[] reuse) throws IOException {
        long size = requireFitsSize(file);
        try (Fits fits = new Fits(file.toFile())) {
            for (BasicHDU<?> hdu = readHdu(fits); hdu != null; hdu = readHdu(fits)) {
                ImageHDU image = imageOf(hdu);
                if (image == null) {
                    continue;
                }
                int[] axes = image.getAxes();
                if (axes == null || axes.length < 2) {
                    continue;
                }
                if (axes.length > 2 && axes[0] > 1) {
                    throw new FitsFormatException(file, "holds a " + axes.length + "-dimensional image (" + axes[0]
                            + " planes); Nocturne reads single-plane 2-D frames");
                }
                return toFrame(file, size, image, hdu.getHeader(), reuse);
            }
        } catch (RuntimeException | IOException e) {
            throw failure(file, e);
        }
        throw new FitsFormatException(file, "holds no 2-D image (only empty or table HDUs)");
    }

    /**
     * Writes {@code frame} to {@code file} atomically, replacing any file there. The data are flushed to disk before the
     * rename and the directory after it (where the platform can flush a directory: not on Windows), so once this
     * returns the frame survives a power cut under its name.
     */
    public static void write(Frame frame, Path file) throws IOException {
        write(frame, file, true);
    }

    /**
     * Writes {@code frame} to {@code file} atomically, replacing any file there. With {@code flushToDisk} false the
     * temporary file is renamed without waiting for the disk (fsync), which is several times faster; a crash of the
     * system soon after may then lose the frame, or leave an empty or partial file under its name. Only for files that
     * can be made again, such as previews and benchmarks.
     */
    public static void write(Frame frame, Path file, boolean flushToDisk) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".partial");
        try {
            Header header = header(frame);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                FitsOutputStream headerOut = new FitsOutputStream(Channels.newOutputStream(channel), 2880);
                header.write(headerOut);
                headerOut.flush();
                RawPixels.write(channel, channel.position(), frame.pixels());
                if (flushToDisk) {
                    channel.force(true);
                }
            }
            replace(file, temporary);
            if (flushToDisk) {
                flushDirectory(directory);
            }
        } catch (FitsException e) {
            throw new IOException(file + ": could not write the frame: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Puts a plate solution into the header of the image in {@code file}, replacing any world coordinates it had, and
     * leaves everything else (the pixels in their BITPIX, other keywords, other HDUs) as it was. The file is rewritten
     * atomically and flushed to disk with its directory, as {@link #write} does. Blocks for the I/O.
     */
    public static void writeWcs(Path file, Wcs wcs) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".partial");
        try {
            try (Fits fits = new Fits(file.toFile())) {
                fits.read();
                Header header = null;
                for (int i = 0; i < fits.getNumberOfHDUs() && header == null; i++) {
                    BasicHDU<?> hdu = fits.getHDU(i);
                    ImageHDU image = imageOf(hdu);
                    if (image != null && image.getAxes() != null && image.getAxes().length >= 2) {
                        header = hdu.getHeader();
                    }
                }
                if (header == null) {
                    throw new FitsFormatException(file, "holds no 2-D image to put a plate solution on");
                }
                FitsKeywords.replaceWcs(header, wcs);
                // the checksums no longer hold once the header changed: leave none rather than false ones
                header.deleteKey("CHECKSUM");
                header.deleteKey("DATASUM");
                fits.write(temporary.toFile());
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            replace(file, temporary);
            flushDirectory(directory);
        } catch (RuntimeException e) {
            throw describe(file, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The world coordinates (TAN, or TAN-SIP with its distortion) in the primary header of {@code file}, which may be
     * a header without data, such as the {@code .wcs} files solve-field and ASTAP write. Keywords are read as
     * {@link #read} reads them; CRPIX is kept as the file gives it. Empty when the header has no such coordinates.
     * Blocks for the I/O.
     *
     * @throws FitsFormatException when the file is missing or not FITS
     */
    public static Optional<Wcs> readWcs(Path file) throws IOException {
        requireFitsSize(file);
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> primary = readHdu(fits);
            if (primary == null) {
                throw new FitsFormatException(file, "holds no header");
            }
            return Optional.ofNullable(FitsKeywords.readWcs(primary.getHeader()));
        } catch (RuntimeException | IOException e) {
            throw failure(file, e);
        }
    }

    /** The size of {@code file}, which must exist and hold at least one 2880-byte header block. */
    private static long requireFitsSize(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FitsFormatException(file, "no such file");
        }
        long size = Files.size(file);
        if (size < 2880) {
            throw new FitsFormatException(file, "not a FITS file: " + size + " bytes, shorter than one 2880-byte header block");
        }
        return size;
    }

    /**
     * What a failure while reading {@code file} is reported as: our own format errors as they are; nom-tam-fits's
     * (FitsException is unchecked), malformed headers and I/O errors as the file's fault, named.
     */
    private static IOException failure(Path file, Exception e) {
        return e instanceof FitsFormatException format ? format : describe(file, e);
    }

    /** Renames {@code temporary} over {@code file}, atomically where the file system can. */
    private static void replace(Path file, Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Flushes a directory's entries to disk, so a rename in it survives a power cut. POSIX systems open a directory for
     * reading and fsync it; Windows cannot open one that way, so there the rename is as durable as the file system
     * makes it, and a failure to open the directory is not an error.
     */
    private static void flushDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException cannotOpenDirectory) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    private static BasicHDU<?> readHdu(Fits fits) throws FitsException, IOException {
        try {
            return fits.readHDU();
        } catch (EOFException e) {
            return null;
        }
    }

    private static ImageHDU imageOf(BasicHDU<?> hdu) throws FitsException {
        if (hdu instanceof CompressedImageHDU compressed) {
            return compressed.asImageHDU();
        }
        return hdu instanceof ImageHDU image ? image : null;
    }

    private static Frame toFrame(Path file, long fileSize, ImageHDU image, Header header, short[] reuse)
            throws IOException, FitsException {
        int[] axes = image.getAxes();
        int height = axes[axes.length - 2];
        int width = axes[axes.length - 1];
        if (width <= 0 || height <= 0) {
            throw new FitsFormatException(file, "the image is " + width + "×" + height + " pixels: empty");
        }
        if ((long) width * height > Frame.MAX_PIXELS) {
            throw new FitsFormatException(file, "image " + width + "×" + height + " is larger than " + Frame.MAX_PIXELS + " pixels");
        }
        long dataOffset = image.getData().getFileOffset();
        long dataBytes = (long) width * height * Math.abs(header.getIntValue("BITPIX", 16)) / 8;
        if (dataOffset > 0 && dataOffset + dataBytes > fileSize) {
            throw new FitsFormatException(file, "truncated: the image needs " + dataBytes + " bytes of data after byte "
                    + dataOffset + ", the file ends at " + fileSize);
        }
        short[] target = reuse != null && reuse.length == width * height ? reuse : null;
        int bitpix = header.getIntValue("BITPIX", 0);
        double bzero = image.getBZero();
        if (bitpix == 16 && image.getBScale() == 1.0 && (bzero == 32768.0 || bzero == 0.0) && dataOffset > 0) {
            short[] pixels = target != null ? target : new short[width * height];
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                RawPixels.read(channel, dataOffset, pixels, bzero == 32768.0);
            }
            return Frame.of(width, height, pixels, bayerPattern(header), FitsKeywords.read(header));
        }
        Object kernel;
        try {
            kernel = image.getKernel();
        } catch (IllegalStateException e) {
            throw new FitsFormatException(file, "the image data cannot be read: " + e.getMessage(), e);
        }
        if (kernel == null) {
            throw new FitsFormatException(file, "the image HDU has no data");
        }
        short[] pixels = PixelConversion.toUnsigned16(kernel, width, height, image.getBScale(), image.getBZero(),
                file, target);
        FrameMetadata metadata = FitsKeywords.read(header);
        return Frame.of(width, height, pixels, bayerPattern(header), metadata);
    }

    /** BAYERPAT, adjusted by XBAYROFF/YBAYROFF to the first pixel of the array. */
    private static BayerPattern bayerPattern(Header header) {
        String value = header.getStringValue("BAYERPAT");
        if (value == null || value.isBlank()) {
            return null;
        }
        BayerPattern pattern;
        try {
            pattern = BayerPattern.parse(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        int dx = header.getIntValue("XBAYROFF", 0);
        int dy = header.getIntValue("YBAYROFF", 0);
        return pattern.shifted(dx, dy);
    }

    /** The primary header of a BITPIX 16 image with BZERO 32768 and the frame's keywords. */
    private static Header header(Frame frame) throws FitsException {
        Header header = new Header();
        header.addValue(Standard.SIMPLE, true);
        header.addValue(Standard.BITPIX, 16);
        header.addValue(Standard.NAXIS, 2);
        header.addValue(Standard.NAXISn.n(1), frame.width());
        header.addValue(Standard.NAXISn.n(2), frame.height());
        header.addValue("EXTEND", true, "There may be extensions");
        header.addValue("BZERO", 32768, "Offset: data are unsigned 16-bit");
        header.addValue("BSCALE", 1, "Default scaling factor");
        FitsKeywords.write(header, frame.metadata(), frame.bayerPattern());
        return header;
    }

    private static FitsFormatException describe(Path file, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return new FitsFormatException(file, "truncated: the file ends inside the header or the data", e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("SIMPLE") || message.contains("Not FITS") || message.contains("not FITS")) {
            return new FitsFormatException(file, "not a FITS file (" + message + ")", e);
        }
        return new FitsFormatException(file, "cannot be read as FITS: " + message, e);
    }
}
