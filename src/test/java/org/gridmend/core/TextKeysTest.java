package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every text a customer can read exists in Chinese and in English, with the same placeholders: a key added to one
 * file only would show an English customer the Chinese text, or the other way round.
 */
class TextKeysTest {

    private static Properties load(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = TextKeysTest.class.getResourceAsStream("/texts/" + name)) {
            assertThat(in).as(name).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties chinese = load("customer.properties");
        Properties english = load("customer_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("keys of customer_en.properties")
                .isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
        for (String key : chinese.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key)))
                    .as("placeholders of %s in English", key)
                    .isEqualTo(placeholders(chinese.getProperty(key)));
        }
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> used = new TreeSet<>();
        Object[] formats = new MessageFormat(text).getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length; i++) {
            if (text.contains("{" + i)) {
                used.add(i);
            }
        }
        return used;
    }
}
