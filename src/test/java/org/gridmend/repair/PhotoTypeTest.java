package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Photos are recognised by their first bytes, whatever name or type the client gives them. */
class PhotoTypeTest {

    @Test
    void jpegAndPngAreRecognisedByTheirSignature() {
        assertThat(org.gridmend.core.PhotoCleaner.imageType(RepairApiTest.JPEG)).isEqualTo("image/jpeg");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(org.gridmend.core.PhotoCleaner.imageType(png)).isEqualTo("image/png");
    }

    @Test
    void anythingElseIsNotAPhoto() {
        assertThat(org.gridmend.core.PhotoCleaner.imageType("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(org.gridmend.core.PhotoCleaner.imageType("<svg xmlns=".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(org.gridmend.core.PhotoCleaner.imageType(new byte[] {(byte) 0xff, (byte) 0xd8}))
                .isNull();
        assertThat(org.gridmend.core.PhotoCleaner.imageType(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isNull();
    }
}
