package io.kefu.platform;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Simplified Chinese and pinyin, as OpenCC and pinyin4j give them, at a fraction of their cost: an import keys
 * 100,000 names and the search index folds the text of every ticket, while OpenCC segments every text against its
 * dictionaries and pinyin4j formats every reading with regular expressions. Both answer per character here, from
 * tables filled as characters are first met with what the libraries say of that character alone. That is exact
 * for OpenCC because it converts character by character except for a few hundred Traditional phrases it converts
 * as a whole (李乾德 keeps its 乾, 於琳 its 於): a text holding one of those, or a character outside the BMP, still
 * goes through OpenCC itself.
 *
 * <p>The tables are written without locking: two threads meeting a character at once both compute the same
 * immutable String, and either may stay.
 */
public final class ChineseText {

    /** Marks, by identity, a character pinyin4j has no reading for. */
    private static final String NO_READING = new String();
    private static final String[] SIMPLIFIED = new String[Character.MAX_VALUE + 1];
    private static final String[] PINYIN = new String[Character.MAX_VALUE + 1];
    private static final HanyuPinyinOutputFormat PINYIN_FORMAT = new HanyuPinyinOutputFormat();
    /** OpenCC's Traditional phrases by their first character. */
    private static final Map<Character, List<String>> PHRASES = new HashMap<>();
    private static final BitSet PHRASE_STARTS = new BitSet(Character.MAX_VALUE + 1);

    static {
        PINYIN_FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        PINYIN_FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN_FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        for (String phrase : DataMaps.defaults().tsPhrase().keySet()) {
            PHRASES.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(phrase);
            PHRASE_STARTS.set(phrase.charAt(0));
        }
    }

    private ChineseText() {
    }

    /** What {@link ZhConverterUtil#toSimple(String)} makes of the text. */
    public static String toSimplified(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || startsPhrase(text, i)) {
                return ZhConverterUtil.toSimple(text);
            }
            String simplified = simplified(c);
            if (out == null && (simplified.length() != 1 || simplified.charAt(0) != c)) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(simplified);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The first reading pinyin4j gives a Han character (lower case, no tone, ü as v), or null. */
    public static String pinyin(int codePoint) {
        if (!Character.isBmpCodePoint(codePoint)) {
            return null;
        }
        String reading = PINYIN[codePoint];
        if (reading == null) {
            reading = firstReading((char) codePoint);
            PINYIN[codePoint] = reading;
        }
        return reading == NO_READING ? null : reading;
    }

    private static boolean startsPhrase(String text, int at) {
        if (!PHRASE_STARTS.get(text.charAt(at))) {
            return false;
        }
        for (String phrase : PHRASES.get(text.charAt(at))) {
            if (text.startsWith(phrase, at)) {
                return true;
            }
        }
        return false;
    }

    private static String simplified(char c) {
        String simplified = SIMPLIFIED[c];
        if (simplified == null) {
            simplified = ZhConverterUtil.toSimple(String.valueOf(c));
            SIMPLIFIED[c] = simplified;
        }
        return simplified;
    }

    private static String firstReading(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return NO_READING;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN_FORMAT);
            return readings == null || readings.length == 0 ? NO_READING : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
