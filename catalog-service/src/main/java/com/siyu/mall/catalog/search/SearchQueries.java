package com.siyu.mall.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query for a {@link SearchQuery}; no Spring.
 *
 * <p>Matching: the text is split into units, each CJK character and each Latin word or number. Every unit must be
 * found (in the title or in subtitle / brand / category / tags) when there are up to three, and three quarters of
 * them beyond that, so a long query with one word the product lacks still finds it. A Latin word of 4+ letters also
 * matches within one edit (Nkie → Nike; 8+ letters: two edits); numbers never fuzzily (iPhone 15 is not 16).
 *
 * <p>Scoring on top: whole smartcn words in the title (×3), character pairs in the title (×2), then single units.
 */
final class SearchQueries {

    static final String ID = "id";
    static final String AUDIENCE = "audience";
    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String TAG = "tag";
    static final String PRICE = "price";
    static final String SALES = "sales";
    static final String NEWEST = "newest";
    static final String WEIGHT = "weight";
    static final String PUBLIC = "PUBLIC";
    /** Below Lucene's 1024-clause limit; a category tree is far smaller. */
    static final int MAX_CATEGORIES = 500;

    private static final Analyzer WORDS = SearchAnalyzers.words();
    private static final Analyzer GRAMS = SearchAnalyzers.grams(true);

    record Token(String text, String type) {
    }

    private SearchQueries() {
    }

    static Query build(SearchQuery q) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        Query text = text(q.text());
        // a text with nothing searchable in it (only punctuation) finds nothing rather than everything
        root.add(text == null ? new MatchNoDocsQuery() : text, Occur.MUST);
        filters(q).forEach(f -> root.add(f, Occur.FILTER));
        return root.build();
    }

    /** null when the text has nothing searchable in it (only punctuation). */
    static Query text(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Token> grams = tokens(GRAMS, text);
        List<Query> units = new ArrayList<>();
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        for (Token t : grams) {
            switch (t.type()) {
                case SearchAnalyzers.DOUBLE -> scoring.add(boost(term(SearchAnalyzers.TITLE_GRAMS, t.text()), 2f),
                        Occur.SHOULD);
                case SearchAnalyzers.SINGLE -> units.add(unit(t.text(), false));
                default -> units.add(unit(t.text(), isWord(t.text())));
            }
        }
        for (String word : new LinkedHashSet<>(tokens(WORDS, text).stream().map(Token::text).toList())) {
            scoring.add(boost(term(SearchAnalyzers.TITLE_WORDS, word), 3f), Occur.SHOULD);
        }
        if (units.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        units.forEach(u -> match.add(u, Occur.SHOULD));
        match.setMinimumNumberShouldMatch(required(units.size()));
        return new BooleanQuery.Builder().add(match.build(), Occur.MUST).add(scoring.build(), Occur.SHOULD).build();
    }

    /** All units up to three; then three quarters, rounded up. */
    static int required(int units) {
        return units <= 3 ? units : (units * 3 + 3) / 4;
    }

    /** One unit found in the title (weighted) or the other text; a Latin word also within its edit distance. */
    private static Query unit(String token, boolean fuzzy) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(term(SearchAnalyzers.TITLE_GRAMS, token), Occur.SHOULD);
        any.add(boost(term(SearchAnalyzers.EXTRA_GRAMS, token), 0.5f), Occur.SHOULD);
        int edits = !fuzzy ? 0 : token.length() >= 8 ? 2 : token.length() >= 4 ? 1 : 0;
        if (edits > 0) {
            any.add(boost(new FuzzyQuery(new Term(SearchAnalyzers.TITLE_GRAMS, token), edits, 1), 0.6f), Occur.SHOULD);
            any.add(boost(new FuzzyQuery(new Term(SearchAnalyzers.EXTRA_GRAMS, token), edits, 1), 0.3f), Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean isWord(String token) {
        return token.chars().allMatch(Character::isLetter);
    }

    static List<Query> filters(SearchQuery q) {
        List<Query> filters = new ArrayList<>();
        if (!q.member()) {
            filters.add(term(AUDIENCE, PUBLIC));
        }
        if (q.categoryIds() != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            q.categoryIds().stream().distinct().limit(MAX_CATEGORIES)
                    .forEach(id -> any.add(term(CATEGORY, String.valueOf(id)), Occur.SHOULD));
            filters.add(any.build());
        }
        if (q.brandId() != null) {
            filters.add(term(BRAND, String.valueOf(q.brandId())));
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            filters.add(term(TAG, q.tag().strip()));
        }
        if (q.minPriceFen() != null || q.maxPriceFen() != null) {
            filters.add(LongPoint.newRangeQuery(PRICE, q.minPriceFen() == null ? Long.MIN_VALUE : q.minPriceFen(),
                    q.maxPriceFen() == null ? Long.MAX_VALUE : q.maxPriceFen()));
        }
        return filters;
    }

    /** Ties (and relevance ties) go to the higher sort weight, then the newest product. */
    static Sort sort(SearchQuery.Sort sort) {
        SortField weight = new SortField(WEIGHT, SortField.Type.INT, true);
        SortField newest = new SortField(NEWEST, SortField.Type.LONG, true);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, weight, newest);
            case NEWEST -> new Sort(newest);
            case PRICE_ASC -> new Sort(new SortField(PRICE, SortField.Type.LONG, false), newest);
            case PRICE_DESC -> new Sort(new SortField(PRICE, SortField.Type.LONG, true), newest);
            case SALES -> new Sort(new SortField(SALES, SortField.Type.LONG, true), newest);
        };
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        Set<Token> tokens = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), type.type()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(tokens);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }
}
