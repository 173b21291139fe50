package org.opencrm.accountlifecycle.web;

/**
 * Text PostgreSQL can store: no NUL character, which its text types refuse outright, and no lone UTF-16 surrogate
 * (half a character, which a JSON escape such as {@code \}{@code ud800} can carry), which it would store as
 * {@code ?}. Every JSON string and every query or form parameter of the API is held to it, so that such input is a
 * 400 naming the field rather than a database error.
 */
public final class StorableText {

    static final String RULE = "must not contain the NUL character nor half a character (a lone surrogate)";

    private StorableText() {}

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
