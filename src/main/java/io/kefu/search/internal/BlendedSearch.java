package io.kefu.search.internal;

import static io.kefu.search.internal.SearchFields.ACCESS;
import static io.kefu.search.internal.SearchFields.ID;
import static io.kefu.search.internal.SearchFields.KIND;
import static io.kefu.search.internal.SearchFields.POPULARITY;
import static io.kefu.search.internal.SearchFields.VECTOR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import io.kefu.platform.DomainException;
import io.kefu.search.SearchHit;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSettings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.springframework.http.HttpStatus;

/**
 * One search over the index, ranked as {@link SearchSettings} describes: the text query (BM25, title weighted over
 * body, words over bigrams) and a kNN query on the embeddings each propose candidates; every candidate gets both
 * scores (the missing one read from its stored vector, or 0 when not a text match), and they are blended with the
 * documents' popularity. The best hits come with a snippet that marks the query's words.
 */
final class BlendedSearch {

    private static final float TITLE_BOOST = 3f;
    private static final float BIGRAM_WEIGHT = 0.5f;
    /** Candidates taken from each of the text and the kNN query before blending. */
    private static final int CANDIDATES = 20;
    /** Terms taken from a query per analysis: a pasted paragraph is searched by its start. */
    private static final int MAX_TERMS = 32;
    private static final String MARK = "<mark>";
    private static final String UNMARK = "</mark>";

    private final SearchSettings settings;
    private final Analyzer analyzer;
    /** Computes the query's embedding while its words are searched. */
    private final ExecutorService workers;

    BlendedSearch(SearchSettings settings, Analyzer analyzer, ExecutorService workers) {
        this.settings = settings;
        this.analyzer = analyzer;
        this.workers = workers;
    }

    /** The best hits for the query among what the searcher sees; the caller holds the searcher. */
    List<SearchHit> search(IndexSearcher searcher, SearchQuery query) throws IOException {
        Query filter = filter(query);
        List<String> words = terms(ChineseAnalysis.BODY, query.text());
        List<String> bigrams = terms(ChineseAnalysis.BODY_BIGRAMS, query.text());
        Query matching = textQuery(words, bigrams);
        boolean useText = query.mode() != SearchMode.SEMANTIC;
        // kinds that are never embedded (tickets) skip the kNN query and the cost of its filter
        boolean useMeaning = query.mode() != SearchMode.TEXT && (query.kinds().isEmpty()
                || query.kinds().stream().anyMatch(settings.semanticKinds()::contains));
        int wanted = query.mode() == SearchMode.BLEND ? Math.max(CANDIDATES, query.limit()) : query.limit();
        CompletableFuture<float[]> embedding = useMeaning
                ? CompletableFuture.supplyAsync(() -> Embedder.query(query.text(), settings.queryInstruction()),
                        workers)
                : null;
        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        if (useText && matching != null) {
            Query filtered = new BooleanQuery.Builder().add(matching, Occur.MUST).add(filter, Occur.FILTER).build();
            for (ScoreDoc hit : searcher.search(filtered, wanted).scoreDocs) {
                candidates.computeIfAbsent(hit.doc, Candidate::new).text = hit.score;
            }
        }
        float[] vector = useMeaning ? vectorOf(embedding, query.mode()) : null;
        if (vector != null) {
            TopDocs nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, wanted, filter), wanted);
            for (ScoreDoc hit : nearest.scoreDocs) {
                double cosine = 2 * hit.score - 1;
                if (cosine >= settings.semanticFloor() || candidates.containsKey(hit.doc)) {
                    candidates.computeIfAbsent(hit.doc, Candidate::new).cosine = cosine;
                }
            }
            fillCosines(searcher, candidates, vector);
        }
        return rank(searcher, query, highlightQuery(words), candidates, useText, vector != null);
    }

    /**
     * The query's vector, or null when Kefu is stopping and its words alone can answer: a search asked of a node
     * that is shutting down still gets the text part of its results, and a search by meaning alone is told to
     * retry (on another node, behind a load balancer).
     */
    private static float[] vectorOf(CompletableFuture<float[]> embedding, SearchMode mode) {
        try {
            return join(embedding);
        } catch (Embedder.EmbedderClosedException stopping) {
            if (mode == SearchMode.SEMANTIC) {
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "search.stopping");
            }
            return null;
        }
    }

    private static float[] join(CompletableFuture<float[]> embedding) {
        try {
            return embedding.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<SearchHit> rank(IndexSearcher searcher, SearchQuery query, Query highlighted,
                                 Map<Integer, Candidate> candidates, boolean useText, boolean useMeaning)
            throws IOException {
        double maxText = candidates.values().stream().mapToDouble(c -> c.text).max().orElse(0);
        double maxPopularity = 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (Candidate candidate : candidates.values()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(candidate.doc, leaves));
            NumericDocValues popularity = DocValues.getNumeric(leaf.reader(), POPULARITY);
            if (popularity.advanceExact(candidate.doc - leaf.docBase)) {
                candidate.popularity = Math.log1p(Double.longBitsToDouble(popularity.longValue()));
            }
            maxPopularity = Math.max(maxPopularity, candidate.popularity);
        }
        // a single-part mode gives its part the weight of both, so popularity keeps the same share as in the blend
        double relevance = settings.textWeight() + settings.semanticWeight();
        double textWeight = useText ? (useMeaning ? settings.textWeight() : relevance) : 0;
        double semanticWeight = useMeaning ? (useText ? settings.semanticWeight() : relevance) : 0;
        double floor = settings.semanticFloor();
        for (Candidate candidate : candidates.values()) {
            candidate.textPart = maxText > 0 ? candidate.text / maxText : 0;
            candidate.semanticPart = Double.isNaN(candidate.cosine) ? 0
                    : Math.max(0, (candidate.cosine - floor) / (1 - floor));
            candidate.popularityPart = maxPopularity > 0 ? candidate.popularity / maxPopularity : 0;
            candidate.score = textWeight * candidate.textPart + semanticWeight * candidate.semanticPart
                    + settings.popularityWeight() * candidate.popularityPart;
        }
        List<Candidate> best = candidates.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                        .thenComparingInt(c -> c.doc))
                .limit(query.limit()).toList();
        String[] snippets = snippets(searcher, highlighted, best);
        List<SearchHit> hits = new ArrayList<>(best.size());
        StoredFields fields = searcher.storedFields();
        for (int i = 0; i < best.size(); i++) {
            Candidate c = best.get(i);
            Document stored = fields.document(c.doc, Set.of(KIND, ID, ChineseAnalysis.TITLE));
            hits.add(new SearchHit(stored.get(KIND), stored.getField(ID).numericValue().longValue(),
                    stored.get(ChineseAnalysis.TITLE), snippets[i], c.score, c.textPart, c.semanticPart,
                    c.popularityPart));
        }
        return hits;
    }

    /** The cosine of candidates found by their words only, read from their stored vectors. */
    private static void fillCosines(IndexSearcher searcher, Map<Integer, Candidate> candidates, float[] vector)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (Candidate candidate : candidates.values()) {
            if (!Double.isNaN(candidate.cosine)) {
                continue;
            }
            candidate.cosine = 0;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(candidate.doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            int local = candidate.doc - leaf.docBase;
            if (values != null && values.advance(local) == local) {
                candidate.cosine = VectorSimilarityFunction.COSINE.compare(vector, values.vectorValue()) * 2 - 1;
            }
        }
    }

    private String[] snippets(IndexSearcher searcher, Query highlighted, List<Candidate> best) throws IOException {
        String[] snippets = new String[best.size()];
        if (best.isEmpty()) {
            return snippets;
        }
        // offsets straight from the postings of the body's words: no per-document re-run of the ranking query
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter(MARK, UNMARK, "\u2026", true))
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(1)
                .withMaxLength(10_000)
                .build();
        ScoreDoc[] docs = best.stream().map(c -> new ScoreDoc(c.doc, (float) c.score)).toArray(ScoreDoc[]::new);
        String[] found = highlighter.highlight(ChineseAnalysis.BODY, highlighted,
                new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), 2);
        for (int i = 0; i < snippets.length; i++) {
            snippets[i] = found[i] == null ? "" : found[i];
        }
        return snippets;
    }

    private static Query filter(SearchQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermInSetQuery(ACCESS, query.accessKeys().stream().map(BytesRef::new).toList()),
                        Occur.FILTER);
        if (!query.kinds().isEmpty()) {
            filter.add(new TermInSetQuery(KIND, query.kinds().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return filter.build();
    }

    /**
     * Any of the query's words or bigrams, in title or body; null if the text has no searchable term. Title and
     * body share their analysis, and so do the two bigram fields, so the text is analysed once for each.
     */
    private static Query textQuery(List<String> words, List<String> bigrams) {
        if (words.isEmpty() && bigrams.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addTerms(any, ChineseAnalysis.TITLE, words, TITLE_BOOST);
        addTerms(any, ChineseAnalysis.BODY, words, 1f);
        addTerms(any, ChineseAnalysis.TITLE_BIGRAMS, bigrams, TITLE_BOOST * BIGRAM_WEIGHT);
        addTerms(any, ChineseAnalysis.BODY_BIGRAMS, bigrams, BIGRAM_WEIGHT);
        return any.build();
    }

    private static void addTerms(BooleanQuery.Builder any, String field, List<String> terms, float boost) {
        terms.forEach(t -> any.add(new BoostQuery(new TermQuery(new Term(field, t)), boost), Occur.SHOULD));
    }

    /**
     * What the snippets mark: the query's words in the body. One-character words (的, 了, 我) are marked only when the
     * query has no longer word, or every particle in every passage would be marked. A query with no word still gets
     * a plain passage.
     */
    private static Query highlightQuery(List<String> words) {
        List<String> longer = words.stream().filter(w -> w.codePointCount(0, w.length()) > 1).toList();
        List<String> marked = longer.isEmpty() ? words : longer;
        if (marked.isEmpty()) {
            return new TermQuery(new Term(ChineseAnalysis.BODY, ""));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addTerms(any, ChineseAnalysis.BODY, marked, 1f);
        return any.build();
    }

    /** The first 32 distinct terms the field's analysis makes of the text. */
    private List<String> terms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    private static final class Candidate {
        final int doc;
        double text;
        double cosine = Double.NaN;
        double popularity;
        double textPart;
        double semanticPart;
        double popularityPart;
        double score;

        Candidate(int doc) {
            this.doc = doc;
        }
    }
}
