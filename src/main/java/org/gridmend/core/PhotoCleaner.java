package org.gridmend.core;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * What is stored of an on-site photo: its pixels, decoded and encoded anew, and nothing else. A phone's photo carries
 * EXIF (where it was taken to the metre, the phone's make and serial, the time), XMP and comments; customers on the
 * order see the photo, so none of it may survive. Re-encoding also means that whatever is stored is an image and
 * nothing hidden behind one. The EXIF orientation is applied to the pixels first, so that a portrait photo stays
 * upright without its tag; photos larger than {@value #MAX_SIDE} pixels on a side are scaled down while decoding.
 */
public final class PhotoCleaner {

    /** The longest side stored: more than a phone's screen or a printed report needs. */
    static final int MAX_SIDE = 4096;
    /** Pixels beyond which a file is not taken for a photo (a decompression bomb is small on the wire). */
    static final long MAX_PIXELS = 120_000_000L;

    private static final float JPEG_QUALITY = 0.9f;

    private PhotoCleaner() {}

    /** A photo as it is stored: its type by its first bytes, its pixels re-encoded, and the size that was sent. */
    public record Photo(String type, byte[] data, int uploadedBytes) {}

    /**
     * An uploaded photo checked and cleaned: a JPEG or PNG by its first bytes (whatever the client claims), at most
     * {@code maxBytes}; refused as the field {@code file} otherwise.
     */
    public static Photo accept(byte[] data, long maxBytes) {
        if (data == null || data.length == 0) {
            throw Refusal.invalid("MISSING_FIELD", "file", "file is required: a JPEG or PNG photo");
        }
        if (data.length > maxBytes) {
            throw new Refusal(
                    Refusal.Kind.TOO_LARGE,
                    "TOO_LARGE",
                    "file must not exceed " + maxBytes / 1024 / 1024 + " MB",
                    "file");
        }
        String type = imageType(data);
        if (type == null) {
            throw new Refusal(
                    Refusal.Kind.UNSUPPORTED_TYPE, "UNSUPPORTED_TYPE", "file must be a JPEG or PNG photo", "file");
        }
        try {
            return new Photo(type, clean(data, type), data.length); // pixels only: no EXIF (GPS, phone serial), XMP
        } catch (NotAPhoto e) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "UNSUPPORTED_TYPE", e.getMessage(), "file");
        }
    }

    /** JPEG or PNG by the file's first bytes, or null. */
    public static String imageType(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (data.length >= png.length && java.util.Arrays.equals(data, 0, png.length, png, 0, png.length)) {
            return "image/png";
        }
        return null;
    }

    /** A photo that cannot be read as what it claims to be, or is too large to be one. */
    public static final class NotAPhoto extends Exception {
        NotAPhoto(String message) {
            super(message);
        }
    }

    /** The cleaned photo: JPEG in, JPEG out; PNG in, PNG out. */
    public static byte[] clean(byte[] data, String type) throws NotAPhoto {
        String format = "image/png".equals(type) ? "png" : "jpeg";
        BufferedImage image = decode(data, format);
        if ("jpeg".equals(format)) {
            image = upright(image, jpegOrientation(data));
        }
        return encode(image, format);
    }

    private static BufferedImage decode(byte[] data, String format) throws NotAPhoto {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new NotAPhoto("file could not be read as a " + format.toUpperCase() + " photo");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // metadata is never even read
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new NotAPhoto("file is " + width + " × " + height + " pixels: not a photo GridMend "
                            + "stores (at most " + MAX_PIXELS / 1_000_000 + " megapixels)");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new NotAPhoto("file could not be read as a " + format.toUpperCase() + " photo");
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        BufferedImage pixels = image;
        if ("jpeg".equals(format) && image.getType() != BufferedImage.TYPE_INT_RGB) {
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = pixels.createGraphics();
            g.drawImage(image, 0, 0, Color.WHITE, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param); // no metadata written
        } catch (IOException e) {
            throw new IllegalStateException("encoding a photo in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The EXIF orientation (1 to 8) of a JPEG, or 1: the APP1 "Exif" segment's TIFF header, IFD0, tag 0x0112.
     * Read by hand from the bytes, so that no metadata parser sees the rest of the segment.
     */
    static int jpegOrientation(byte[] d) {
        int i = 2;
        while (i + 4 <= d.length && (d[i] & 0xff) == 0xff) {
            int marker = d[i + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) { // start of scan, end of image: no more metadata
                return 1;
            }
            int length = ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            int start = i + 4;
            if (marker == 0xe1
                    && length >= 16
                    && start + length - 2 <= d.length
                    && d[start] == 'E'
                    && d[start + 1] == 'x'
                    && d[start + 2] == 'i'
                    && d[start + 3] == 'f') {
                return tiffOrientation(d, start + 6, start + length - 2);
            }
            i = start + length - 2;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] d, int tiff, int end) {
        boolean little = d[tiff] == 'I';
        int ifd = tiff + (int) unsigned(d, tiff + 4, 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = (int) unsigned(d, ifd, 2, little);
        for (int k = 0; k < entries; k++) {
            int entry = ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned(d, entry, 2, little) == 0x0112) {
                int value = (int) unsigned(d, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long unsigned(byte[] d, int at, int size, boolean little) {
        long value = 0;
        for (int b = 0; b < size; b++) {
            int shift = little ? 8 * b : 8 * (size - 1 - b);
            value |= (long) (d[at + b] & 0xff) << shift;
        }
        return value;
    }

    /** The pixels turned as EXIF orientation {@code o} says the camera held them (1: as stored). */
    static BufferedImage upright(BufferedImage image, int o) {
        if (o <= 1 || o > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = o >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (o) {
                    case 2 -> turned.setRGB(w - 1 - x, y, rgb); // mirrored
                    case 3 -> turned.setRGB(w - 1 - x, h - 1 - y, rgb); // upside down
                    case 4 -> turned.setRGB(x, h - 1 - y, rgb); // mirrored upside down
                    case 5 -> turned.setRGB(y, x, rgb); // transposed
                    case 6 -> turned.setRGB(h - 1 - y, x, rgb); // turn 90° clockwise
                    case 7 -> turned.setRGB(h - 1 - y, w - 1 - x, rgb); // transversed
                    default -> turned.setRGB(y, w - 1 - x, rgb); // 8: turn 90° anticlockwise
                }
            }
        }
        return turned;
    }
}
