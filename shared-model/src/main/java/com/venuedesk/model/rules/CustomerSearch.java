package com.venuedesk.model.rules;

import java.util.Locale;

/**
 * How a customer search text becomes a SQL LIKE pattern, the same in the desk's store and at the server: stripped,
 * lower case (root locale), LIKE wildcards escaped with a backslash, "contains" on both sides. Use with
 * {@code ESCAPE '\'} against lower-cased name, e-mail and phone.
 */
public final class CustomerSearch {

    private CustomerSearch() {
    }

    /** The text as it is compared: stripped and lower case; blank or null is the empty text. */
    public static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The LIKE pattern that finds every value containing the normalised text; a blank text matches all. */
    public static String likePattern(String text) {
        String escaped = normalise(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
