package com.siyu.mall.catalog.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import java.util.Map;

/**
 * Two views of the same text. {@code *_words}: smartcn word segmentation (夏季 / 新款 / 碎花 / 连衣裙), which ranks
 * whole-word hits. {@code *_grams}: every CJK character and every pair of neighbours (碎, 花, 碎花, 花连 …) plus
 * lower-cased Latin words and numbers, which finds what a dictionary splits differently ("碎花裙" against 碎花连衣裙)
 * and single characters.
 */
final class SearchAnalyzers {

    static final String TITLE_WORDS = "title_words";
    static final String TITLE_GRAMS = "title_grams";
    static final String EXTRA_GRAMS = "extra_grams";

    /** Token types written by CJKBigramFilter and StandardTokenizer. */
    static final String SINGLE = "<SINGLE>";
    static final String DOUBLE = "<DOUBLE>";
    static final String ALPHANUM = "<ALPHANUM>";

    private SearchAnalyzers() {
    }

    /** Index side: bigrams and unigrams, so a one-character query finds a character inside a longer run. */
    static Analyzer indexing() {
        Analyzer grams = grams(true);
        return new PerFieldAnalyzerWrapper(grams, Map.of(TITLE_WORDS, new SmartChineseAnalyzer()));
    }

    static Analyzer words() {
        return new SmartChineseAnalyzer();
    }

    /**
     * StandardTokenizer splits CJK text into single ideographs; CJKBigramFilter pairs neighbours. With
     * {@code unigrams} it also keeps each character (a lone character is kept either way).
     */
    static Analyzer grams(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
