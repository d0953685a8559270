package io.kefu.platform;

/** How optional text typed by people is stored. */
public final class Text {

    private Text() {
    }

    /** The text without surrounding white space (full-width spaces too), or null when nothing is left. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** At most {@code max} characters, for values that come from outside and must fit a column. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
