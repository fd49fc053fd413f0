package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;

import jakarta.validation.Payload;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void whatAPersonTypesIsText() {
        assertThat(PlainText.problem("一楼\n\t二楼\r\n停电 💡")).isNull();
        assertThat(PlainText.problem("")).isNull();
    }

    @Test
    void whatNoKeyboardWritesIsNot() {
        assertThat(PlainText.problem("停\u0000电")).contains("NUL");
        assertThat(PlainText.problem("bell\u0007")).contains("control");
        assertThat(PlainText.problem("del\u007f")).contains("control");
        assertThat(PlainText.problem("half \ud83d")).contains("surrogate");
        assertThat(PlainText.problem("\udca1 alone")).contains("surrogate");
        assertThat(PlainText.problem("swapped \udca1\ud83d")).contains("surrogate");
    }

    @Test
    void lengthsAreCountedAsPeopleCountThem() {
        assertThat(PlainText.length("💡💡💡")).isEqualTo(3);
        assertThat("💡💡💡".length()).isEqualTo(6);
        MaxChars.Check three = new MaxChars.Check();
        three.initialize(new MaxChars() {
            @Override
            public int value() {
                return 3;
            }

            @Override
            public String message() {
                return "";
            }

            @Override
            public Class<?>[] groups() {
                return new Class<?>[0];
            }

            @Override
            @SuppressWarnings("unchecked")
            public Class<? extends Payload>[] payload() {
                return new Class[0];
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MaxChars.class;
            }
        });
        assertThat(three.isValid("💡💡💡", null)).isTrue();
        assertThat(three.isValid("💡💡💡💡", null)).isFalse();
        assertThat(three.isValid(null, null)).isTrue();
    }
}
