package io.kefu.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.kefu.platform.ChineseText;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds Traditional Chinese to Simplified before segmentation, so 寬帶 and 宽带 are the same word. The text keeps its
 * length (a character for a character), so offsets still point into the original and highlights land right:
 * OpenCC's phrase conversion is used when it keeps the length, else each character is converted alone.
 */
final class SimplifiedReader extends CharFilter {

    private final Reader simplified;

    SimplifiedReader(Reader in) {
        super(in);
        this.simplified = new StringReader(simplify(readAll(in)));
    }

    static String simplify(String text) {
        String whole = ChineseText.toSimplified(text);
        if (whole.length() == text.length()) {
            return whole;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            List<String> candidates = Character.isSurrogate(c) ? List.of() : ZhConverterUtil.toSimple(c);
            String first = candidates.isEmpty() ? null : candidates.get(0);
            out.append(first != null && first.length() == 1 ? first.charAt(0) : c);
        }
        return out.toString();
    }

    private static String readAll(Reader in) {
        try {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.append(buffer, 0, n);
            }
            return all.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        return simplified.read(buffer, offset, length);
    }
}
