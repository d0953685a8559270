package io.kefu.platform;

/** Rules for text that comes from people: how optional text is stored, and what counts as white space. */
public final class Text {

    private Text() {
    }

    /** The text without surrounding white space (full-width spaces too), or null when nothing is left. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether the character is white space as a regular expression's {@code \s} means it by default: the six ASCII
     * ones. For hand-written checks on hot paths that must agree with such expressions.
     */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** At most {@code max} characters, for values that come from outside and must fit a column. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
