package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.gridmend.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is left of a phone's photo once stored: upright pixels, and not a byte of its metadata. */
class PhotoCleanerTest {

    private static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void exifWithTheGpsPositionIsGoneAndThePictureStays() throws Exception {
        byte[] phone = TestPhotos.withExif(TestPhotos.jpeg(40, 20), 1, "taken at 43.88N 125.35E by SN-0042");
        assertThat(PhotoCleaner.jpegOrientation(phone)).isEqualTo(1);
        assertThat(contains(phone, "Exif")).isTrue();
        assertThat(TestPhotos.decode(phone).getWidth())
                .as("the phone's file is a valid JPEG")
                .isEqualTo(40);

        byte[] stored = PhotoCleaner.clean(phone, "image/jpeg");

        assertThat(contains(stored, "Exif")).isFalse();
        assertThat(contains(stored, "SN-0042")).isFalse();
        assertThat(contains(stored, "43.88N")).isFalse();
        BufferedImage back = TestPhotos.decode(stored);
        assertThat(back.getWidth()).isEqualTo(40);
        assertThat(back.getHeight()).isEqualTo(20);
        assertThat(new Color(back.getRGB(5, 5)).getRed()).isGreaterThan(200);
        assertThat(new Color(back.getRGB(35, 15)).getBlue()).isGreaterThan(200);
    }

    /** Where the red top-left quarter of a 40 × 20 picture is once turned upright: at (x, y) of the result. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 40, 20, 5, 5",
        "2, 40, 20, 35, 5",
        "3, 40, 20, 35, 15",
        "4, 40, 20, 5, 15",
        "5, 20, 40, 5, 5",
        "6, 20, 40, 15, 5",
        "7, 20, 40, 15, 35",
        "8, 20, 40, 5, 35"
    })
    void theOrientationIsAppliedToThePixels(int orientation, int width, int height, int redX, int redY)
            throws Exception {
        byte[] phone = TestPhotos.withExif(TestPhotos.jpeg(40, 20), orientation, "x");
        assertThat(PhotoCleaner.jpegOrientation(phone)).isEqualTo(orientation);
        BufferedImage upright = TestPhotos.decode(PhotoCleaner.clean(phone, "image/jpeg"));
        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        assertThat(new Color(upright.getRGB(redX, redY)).getRed())
                .as("red at %d,%d", redX, redY)
                .isGreaterThan(200);
    }

    @Test
    void pngStaysPngWithoutItsTextChunks() throws Exception {
        byte[] png = TestPhotos.png(30, 30);
        byte[] stored = PhotoCleaner.clean(png, "image/png");
        assertThat(TestPhotos.decode(stored).getWidth()).isEqualTo(30);
        assertThat(stored[1]).isEqualTo((byte) 'P');
    }

    @Test
    void aFileThatOnlyStartsLikeAPhotoIsRefused() {
        byte[] fake = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, '<', 's'};
        assertThatThrownBy(() -> PhotoCleaner.clean(fake, "image/jpeg"))
                .isInstanceOf(PhotoCleaner.NotAPhoto.class)
                .hasMessage("file could not be read as a JPEG photo");
    }

    @Test
    void aLargePhotoIsScaledDownWhileDecoding() throws Exception {
        BufferedImage stored = TestPhotos.decode(PhotoCleaner.clean(TestPhotos.jpeg(5000, 1000), "image/jpeg"));
        assertThat(stored.getWidth()).isLessThanOrEqualTo(PhotoCleaner.MAX_SIDE);
    }
}
