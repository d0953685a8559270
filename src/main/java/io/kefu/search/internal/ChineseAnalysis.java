package io.kefu.search.internal;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text becomes terms. Every field first folds full-width letters and digits (ＷｉＦｉ → WiFi) and Traditional
 * characters to Simplified. The word fields ({@code title}, {@code body}) are segmented by smartcn, a dictionary
 * and HMM segmenter (宽带/从/昨天/开始/断网). Because a segmenter sometimes cuts a document and a query
 * differently, the same text is also indexed as overlapping character pairs ({@code title_bigrams},
 * {@code body_bigrams}), which match any Chinese fragment of two characters or more.
 */
final class ChineseAnalysis {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TITLE_BIGRAMS = "title_bigrams";
    static final String BODY_BIGRAMS = "body_bigrams";

    private ChineseAnalysis() {
    }

    static Analyzer analyzer() {
        Analyzer words = folding(new SmartChineseAnalyzer());
        Analyzer bigrams = folding(new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new CJKBigramFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, result);
            }
        });
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TITLE, words, BODY, words,
                TITLE_BIGRAMS, bigrams, BODY_BIGRAMS, bigrams));
    }

    private static Analyzer folding(Analyzer delegate) {
        return new AnalyzerWrapper(delegate.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return delegate;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new SimplifiedReader(new CJKWidthCharFilter(reader));
            }
        };
    }
}
