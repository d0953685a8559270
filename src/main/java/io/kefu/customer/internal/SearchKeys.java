package io.kefu.customer.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kefu.platform.ChineseText;
import io.kefu.platform.Text;

/**
 * The keys a customer is found by from her name. Names are compared in Simplified Chinese and lower case, so that
 * 客戶 finds 客户 and back. Chinese has no spaces, so fragments are found through the name's 1- and 2-character
 * pieces (a GIN index on them answers any fragment), and pinyin gives initials (zs for 张三) and full spelling.
 */
public record SearchKeys(String searchName, List<String> grams, String pinyinInitials, String pinyinFull) {

    public static SearchKeys of(String name) {
        String normal = normalise(name);
        StringBuilder initials = new StringBuilder(normal.length());
        StringBuilder full = new StringBuilder(normal.length() * 4);
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            String syllable = ChineseText.pinyin(cp);
            if (syllable != null) {
                initials.append(syllable.charAt(0));
                full.append(syllable);
            } else if (Character.isLetterOrDigit(cp)) {
                initials.appendCodePoint(cp);
                full.appendCodePoint(cp);
            }
        }
        // toList, not List.copyOf: one list class whatever the count, as the tags', so that the import's compiled
        // COPY encoding sees one class and is not compiled again for a one-character name (docs/benchmarks.md)
        return new SearchKeys(normal, grams(normal).stream().toList(), truncate(initials, 200),
                truncate(full, 1000));
    }

    /** Simplified Chinese, lower case, single spaces: the form names are compared in. */
    public static String normalise(String text) {
        return singleSpaced(ChineseText.toSimplified(text.strip()).toLowerCase(Locale.ROOT));
    }

    /** Every 1- and 2-character piece of the text, spaces left out. */
    public static Set<String> grams(String normal) {
        int[] cps = withoutSpaces(normal);
        Set<String> grams = new LinkedHashSet<>(cps.length * 3);
        for (int i = 0; i < cps.length; i++) {
            grams.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                grams.add(new String(cps, i, 2));
            }
        }
        return grams;
    }

    /** The 2-character pieces a fragment's matches must all contain (or its one character, if that is all). */
    public static List<String> fragmentGrams(String normalFragment) {
        int[] cps = withoutSpaces(normalFragment);
        if (cps.length == 1) {
            return List.of(new String(cps, 0, 1));
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        return List.copyOf(pairs);
    }

    /**
     * Whether the fragment, spaces left out, is one or two characters: then it is one of the pieces {@link #grams}
     * keeps, and a name, spaces left out, holds it exactly when that piece is among the name's.
     */
    public static boolean isOnePiece(String normalFragment) {
        return withoutSpaces(normalFragment).length <= 2;
    }

    private static int[] withoutSpaces(String text) {
        int[] cps = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isWhitespace(cp)) {
                cps[count++] = cp;
            }
        }
        return count == cps.length ? cps : Arrays.copyOf(cps, count);
    }

    /** Each run of the white space a regular expression's \s means (ASCII only) as one plain space. */
    private static String singleSpaced(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Text.isRegexSpace(c)) {
                int end = i + 1;
                while (end < text.length() && Text.isRegexSpace(text.charAt(end))) {
                    end++;
                }
                if (out == null && (c != ' ' || end - i > 1)) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (out != null) {
                    out.append(' ');
                }
                i = end - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String truncate(StringBuilder text, int max) {
        return text.length() <= max ? text.toString() : text.substring(0, max);
    }
}
