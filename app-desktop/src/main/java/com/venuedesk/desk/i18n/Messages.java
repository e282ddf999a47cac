package com.venuedesk.desk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The desk's texts in the user's language ({@code messages*.properties}), with MessageFormat arguments. */
public final class Messages {
    private static final String BUNDLE = "com.venuedesk.desk.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {0}, {1} ... replaced; the key itself when a translation is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The bundle itself, for libraries that take one. */
    public ResourceBundle bundle() {
        return bundle;
    }
}
