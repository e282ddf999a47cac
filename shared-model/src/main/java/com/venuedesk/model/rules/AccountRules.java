package com.venuedesk.model.rules;

import java.util.regex.Pattern;

/**
 * What a staff account and a venue's setup must satisfy, written once for the server (which enforces it) and the desk
 * (whose setup form says so next to the field before anything is sent).
 */
public final class AccountRules {
    /** The shortest password the server accepts unless configured otherwise. */
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 10;
    /** The longest venue name, after trimming. */
    public static final int MAX_VENUE_NAME_LENGTH = 100;
    /** Why a username was refused, in the server's words. */
    public static final String USERNAME_RULE = "username must be 2 to 100 letters, digits or . _ @ - (no spaces)";

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");

    private AccountRules() {
    }

    /** 2 to 100 letters, digits or {@code . _ @ -}; no spaces. */
    public static boolean isUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }
}
