package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations edit what customers read in a file of their own; what it leaves out keeps the built-in text. */
class CustomerTextsTest {

    @Test
    void theBuiltInTextsAreChineseWithEnglishOnRequest() {
        CustomerTexts texts = new CustomerTexts("", UtilityZone.china());
        assertThat(texts.text("notify.outage_known", "R-00000007"))
                .contains("R-00000007")
                .contains("无需报修");
        assertThat(texts.text(Locale.ENGLISH, "notify.notice_cancelled", "a", "b", "c"))
                .contains("cancelled");
    }

    @Test
    void anOverrideFileReplacesTheTextsItNamesAndOnlyThose(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("customer.properties"),
                "notify.outage_known=长春供电公司提醒：您所在区域停电，抢修单 {0}，无需拨打95598。\n",
                StandardCharsets.UTF_8);
        CustomerTexts texts = new CustomerTexts("file:" + dir.resolve("customer"), UtilityZone.china());
        assertThat(texts.text("notify.outage_known", "R-00000007"))
                .isEqualTo("长春供电公司提醒：您所在区域停电，抢修单 R-00000007，无需拨打95598。");
        assertThat(texts.text("notify.notice_ended")).contains("恢复供电");
    }
}
