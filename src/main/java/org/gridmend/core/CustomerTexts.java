package org.gridmend.core;

import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts customers read, from {@code texts/customer*.properties}; Simplified Chinese unless asked for English.
 * Operations may override any of them without a build: {@code gridmend.notify.texts} names a base path such as
 * {@code file:/etc/gridmend/texts/customer} ({@code customer.properties}, {@code customer_en.properties}, UTF-8),
 * read again a minute after a change; keys it lacks keep the built-in text.
 */
@Component
public class CustomerTexts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource source;
    private final UtilityZone zone;

    public CustomerTexts(@Value("${gridmend.notify.texts:}") String override, UtilityZone zone) {
        this.zone = zone;
        ResourceBundleMessageSource builtIn = new ResourceBundleMessageSource();
        builtIn.setBasename("texts/customer");
        builtIn.setDefaultEncoding("UTF-8");
        builtIn.setFallbackToSystemLocale(false);
        if (override == null || override.isBlank()) {
            source = builtIn;
        } else {
            ReloadableResourceBundleMessageSource edited = new ReloadableResourceBundleMessageSource();
            edited.setBasename(override.trim());
            edited.setDefaultEncoding("UTF-8");
            edited.setFallbackToSystemLocale(false);
            edited.setCacheSeconds(60);
            edited.setParentMessageSource(builtIn);
            source = edited;
        }
    }

    public String text(String key, Object... args) {
        return text(CHINESE, key, args);
    }

    public String text(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, locale);
    }

    /** The utility's zone, in which the texts' times are shown and entered times are read. */
    public UtilityZone zone() {
        return zone;
    }

    /** A time as customers read it, in the utility's zone and naming it: 11月29日 14:20（北京时间）. */
    public String time(Instant instant) {
        return zone.show(instant);
    }
}
