package org.gridmend.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The texts customers read, from {@code texts/customer*.properties}; Simplified Chinese unless asked for English. */
@Component
public class CustomerTexts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(CHINA);

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    CustomerTexts() {
        source.setBasename("texts/customer");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
    }

    public String text(String key, Object... args) {
        return text(CHINESE, key, args);
    }

    public String text(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, locale);
    }

    /** A time as customers in China read it: 11月29日 14:20. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
