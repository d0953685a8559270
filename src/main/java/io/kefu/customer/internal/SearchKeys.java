package io.kefu.customer.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The keys a customer is found by from her name. Names are compared in Simplified Chinese and lower case, so that
 * 客戶 finds 客户 and back. Chinese has no spaces, so fragments are found through the name's 1- and 2-character
 * pieces (a GIN index on them answers any fragment), and pinyin gives initials (zs for 张三) and full spelling.
 */
public record SearchKeys(String searchName, List<String> grams, String pinyinInitials, String pinyinFull) {

    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    public static SearchKeys of(String name) {
        String normal = normalise(name);
        StringBuilder initials = new StringBuilder();
        StringBuilder full = new StringBuilder();
        normal.codePoints().forEach(cp -> {
            String syllable = pinyinOf(cp);
            if (syllable != null) {
                initials.append(syllable.charAt(0));
                full.append(syllable);
            } else if (Character.isLetterOrDigit(cp)) {
                initials.appendCodePoint(cp);
                full.appendCodePoint(cp);
            }
        });
        return new SearchKeys(normal, List.copyOf(grams(normal)), truncate(initials, 200), truncate(full, 1000));
    }

    /** Simplified Chinese, lower case, single spaces: the form names are compared in. */
    public static String normalise(String text) {
        String simplified = ZhConverterUtil.toSimple(text.strip());
        return simplified.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Every 1- and 2-character piece of the text, spaces left out. */
    public static Set<String> grams(String normal) {
        int[] cps = normal.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        Set<String> grams = new LinkedHashSet<>();
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
        int[] cps = normalFragment.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        if (cps.length == 1) {
            return List.of(new String(cps, 0, 1));
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        return List.copyOf(pairs);
    }

    private static String pinyinOf(int codePoint) {
        if (!Character.isBmpCodePoint(codePoint) || Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, PINYIN);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(StringBuilder text, int max) {
        return text.length() <= max ? text.toString() : text.substring(0, max);
    }
}
