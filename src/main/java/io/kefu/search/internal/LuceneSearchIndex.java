package io.kefu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kefu.search.SearchDocument;
import io.kefu.search.SearchHit;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSettings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
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
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link SearchIndex} on an embedded Lucene index in one folder. Ranking: the text query (BM25, title weighted
 * over body, words over bigrams) and a kNN query on the embeddings each propose candidates; every candidate gets
 * both scores (the missing one read from its stored vector, or 0 when not a text match), and they are blended as
 * {@link SearchSettings} describes. Changes are visible at once (near-real-time reader) and committed to disk
 * every second by a background thread, and on close.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    /** Raised when the stored fields, analysis or embedding change: an index of another format is rebuilt. */
    static final String FORMAT = "kefu-search-1";
    private static final String FORMAT_KEY = "format";
    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String ACCESS = "access";
    private static final String POPULARITY = "popularity";
    private static final String VECTOR = "vector";
    private static final float TITLE_BOOST = 3f;
    private static final float BIGRAM_WEIGHT = 0.5f;
    /** Candidates taken from each of the text and the kNN query before blending. */
    private static final int CANDIDATES = 20;
    private static final int BATCH = 64;
    /** Terms taken from a query per analysis: a pasted paragraph is searched by its start. */
    private static final int MAX_TERMS = 32;
    /** Stored for display, with offsets in the postings so snippets need no second analysis. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_STORED);
    private static final String MARK = "<mark>";
    private static final String UNMARK = "</mark>";

    static {
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WORDS.freeze();
    }

    private final SearchSettings settings;
    private final Analyzer analyzer = ChineseAnalysis.analyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean fresh;
    private final ScheduledExecutorService committer;
    /**
     * Runs a query's parts side by side: the query's embedding while its words are searched, and the index's
     * segments in parallel. One query at a time is then as fast as the cores allow, which is what a person typing
     * into the help centre waits for; under full load the same work is merely spread differently.
     */
    private final ExecutorService workers;

    public LuceneSearchIndex(Path folder, SearchSettings settings) {
        this.settings = settings;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            fresh = !DirectoryReader.indexExists(directory)
                    || !FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
            if (fresh) {
                writer.commit();
            }
            workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    daemon("search-worker"));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new IndexSearcher(reader, workers);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
        committer = Executors.newSingleThreadScheduledExecutor(daemon("search-commit"));
        committer.scheduleWithFixedDelay(this::commit, 1, 1, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void put(SearchDocument document) {
        putAll(List.of(document));
    }

    @Override
    public void putAll(List<SearchDocument> documents) {
        afterCommit(() -> {
            write(documents);
            refresh();
        });
    }

    @Override
    public void remove(String kind, long id) {
        afterCommit(() -> {
            try {
                writer.deleteDocuments(new Term(KEY, key(kind, id)));
                searchers.maybeRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Runs the write once the caller's transaction commits (never if it rolls back), or now outside one. */
    private static void afterCommit(Runnable write) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }

    @Override
    public long rebuild(String kind, Stream<SearchDocument> documents) {
        long count = 0;
        try (documents) {
            writer.deleteDocuments(new Term(KIND, kind));
            List<SearchDocument> batch = new ArrayList<>(BATCH);
            for (Iterator<SearchDocument> it = documents.iterator(); it.hasNext(); ) {
                SearchDocument document = it.next();
                if (!document.kind().equals(kind)) {
                    throw new IllegalArgumentException("a " + document.kind() + " in the rebuild of " + kind);
                }
                batch.add(document);
                if (batch.size() == BATCH || !it.hasNext()) {
                    count += batch.size();
                    write(batch);
                    batch.clear();
                }
            }
            searchers.maybeRefresh();
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    @Override
    public void merge() {
        // a bulk load leaves a dozen small segments, and every query pays per segment (a term dictionary lookup
        // per word, a graph search for the kNN): merged, a search at 100,000 articles costs about half
        try {
            writer.forceMerge(1);
            searchers.maybeRefresh();
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<SearchDocument> documents) {
        List<SearchDocument> embedded = documents.stream()
                .filter(d -> settings.semanticKinds().contains(d.kind())).toList();
        List<float[]> vectors = embedded.isEmpty() ? List.of()
                : Embedder.documents(embedded.stream().map(d -> d.title() + "\n" + d.body()).toList());
        Map<SearchDocument, float[]> vectorOf = new IdentityHashMap<>();
        for (int i = 0; i < embedded.size(); i++) {
            vectorOf.put(embedded.get(i), vectors.get(i));
        }
        try {
            for (SearchDocument document : documents) {
                writer.updateDocument(new Term(KEY, key(document.kind(), document.id())),
                        toLucene(document, vectorOf.get(document)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written visible to searches: it opens a new reader, so once per batch, never per document. */
    private void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toLucene(SearchDocument source, float[] vector) {
        Document document = new Document();
        document.add(new StringField(KEY, key(source.kind(), source.id()), Field.Store.NO));
        document.add(new StringField(KIND, source.kind(), Field.Store.YES));
        document.add(new StoredField(ID, source.id()));
        source.accessKeys().forEach(k -> document.add(new StringField(ACCESS, k, Field.Store.NO)));
        document.add(new Field(ChineseAnalysis.TITLE, source.title(), WORDS));
        document.add(new Field(ChineseAnalysis.BODY, source.body(), WORDS));
        document.add(new TextField(ChineseAnalysis.TITLE_BIGRAMS, source.title(), Field.Store.NO));
        document.add(new TextField(ChineseAnalysis.BODY_BIGRAMS, source.body(), Field.Store.NO));
        document.add(new DoubleDocValuesField(POPULARITY, source.popularity()));
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return document;
    }

    private static String key(String kind, long id) {
        return kind + ":" + id;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (query.text().isEmpty() || query.accessKeys().isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SearchHit> search(IndexSearcher searcher, SearchQuery query) throws IOException {
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
        if (useMeaning) {
            float[] vector = join(embedding);
            TopDocs nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, wanted, filter), wanted);
            for (ScoreDoc hit : nearest.scoreDocs) {
                double cosine = 2 * hit.score - 1;
                if (cosine >= settings.semanticFloor() || candidates.containsKey(hit.doc)) {
                    candidates.computeIfAbsent(hit.doc, Candidate::new).cosine = cosine;
                }
            }
            fillCosines(searcher, candidates, vector);
        }
        return rank(searcher, query, highlightQuery(words), candidates, useText, useMeaning);
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

    @Override
    public long count(String kind) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term(KIND, kind)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean fresh() {
        return fresh;
    }

    private void commit() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index commit failed", e);
        }
    }

    @Override
    public void close() {
        stopCommitter();
        try {
            searchers.close();
            workers.shutdownNow();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets a commit under way finish: interrupted between its two phases, Lucene keeps a prepared commit that the
     * writer then refuses to close over.
     */
    private void stopCommitter() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("Search index commit still running after a minute; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
