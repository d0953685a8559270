package io.kefu.customer.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Values typed into one box: split at commas, semicolons and line breaks, in either half- or full-width. */
final class Separated {

    // Chinese input methods type the full-width comma and semicolon, and lists often use the enumeration comma.
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\r\\n\uFF0C\uFF1B\u3001]+");

    private Separated() {
    }

    static List<String> values(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text)).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
