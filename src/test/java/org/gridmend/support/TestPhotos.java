package org.gridmend.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Photos as phones send them: a real JPEG or PNG, and a JPEG with an EXIF segment that holds an orientation, a
 * description and a GPS position, as a crew's phone writes them.
 */
public final class TestPhotos {

    private TestPhotos() {}

    /** A w × h picture: red in its top-left quarter, blue elsewhere, so that a turn can be seen. */
    public static BufferedImage picture(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int w, int h) {
        return encode(picture(w, h), "jpeg");
    }

    public static byte[] png(int w, int h) {
        return encode(picture(w, h), "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] data) {
        try {
            return ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JPEG with an APP1 EXIF segment right after its start: IFD0 with the orientation, an ImageDescription
     * holding {@code secret} and a pointer to a GPS IFD (latitude reference "N", latitude 43/1 52/1 0/1).
     */
    public static byte[] withExif(byte[] jpeg, int orientation, String secret) {
        byte[] text = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        // big-endian TIFF header, IFD0 at 8
        write(tiff, 'M', 'M', 0, 0x2a, 0, 0, 0, 8);
        int ifd0Entries = 3;
        int ifd0Size = 2 + 12 * ifd0Entries + 4;
        int textAt = 8 + ifd0Size;
        int gpsAt = textAt + text.length;
        short16(tiff, ifd0Entries);
        entry(tiff, 0x010e, 2, text.length, textAt); // ImageDescription
        entry(tiff, 0x0112, 3, 1, orientation << 16); // Orientation (SHORT, left-justified)
        entry(tiff, 0x8825, 4, 1, gpsAt); // GPSInfo IFD
        int32(tiff, 0);
        tiff.writeBytes(text);
        int rationalAt = gpsAt + 2 + 12 * 2 + 4;
        short16(tiff, 2);
        entry(tiff, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef "N"
        entry(tiff, 0x0002, 5, 3, rationalAt); // GPSLatitude
        int32(tiff, 0);
        for (int v : new int[] {43, 1, 52, 1, 0, 1}) {
            int32(tiff, v);
        }
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        short16(out, 2 + 6 + body.length);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int tag, int type, int count, int value) {
        short16(out, tag);
        short16(out, type);
        int32(out, count);
        int32(out, value);
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        short16(out, (v >> 16) & 0xffff);
        short16(out, v & 0xffff);
    }
}
