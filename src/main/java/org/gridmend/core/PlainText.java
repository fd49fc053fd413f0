package org.gridmend.core;

/**
 * Text a person could have typed: no NUL, no control character but tab and line breaks, no half of a surrogate
 * pair. Lengths are counted as people count characters, in code points.
 */
public final class PlainText {

    private PlainText() {}

    /** What is wrong with the text ("must not contain …"), or null when nothing is. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain a NUL character";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain half of a surrogate pair";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain half of a surrogate pair";
            }
        }
        return null;
    }

    /** Characters as people count them. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
