package io.kefu.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kefu.platform.DaemonThreads;
import io.kefu.search.SearchDocument;
import io.kefu.search.SearchHit;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSettings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link SearchIndex} on an embedded Lucene index in one folder: it writes, keeps the readers searches use, and
 * commits; a search is ranked by {@link BlendedSearch}. Changes are visible at once (near-real-time reader) and
 * committed to disk every second by a background thread, and on close.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    /** Raised when the stored fields, analysis or embedding change: an index of another format is rebuilt. */
    static final String FORMAT = "kefu-search-1";
    private static final String FORMAT_KEY = "format";
    /**
     * "false" while the index has not been filled from its sources: created empty, or in a rebuild. An index opened
     * so is {@link #fresh()}, so that a stop in the middle of a rebuild is made good by the next start. Indexes
     * written before this key are taken as filled.
     */
    private static final String FILLED_KEY = "filled";
    private static final int BATCH = 64;

    private final SearchSettings settings;
    private final BlendedSearch blended;
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
            Map<String, String> stored = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            fresh = !FORMAT.equals(stored.get(FORMAT_KEY)) || "false".equals(stored.get(FILLED_KEY));
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            markFilled(!fresh);
            if (fresh) {
                writer.commit();
            }
            workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    DaemonThreads.named("search-worker"));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new IndexSearcher(reader, workers);
                }
            });
            blended = new BlendedSearch(settings, analyzer, workers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
        committer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("search-commit"));
        committer.scheduleWithFixedDelay(this::commit, 1, 1, TimeUnit.SECONDS);
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
                writer.deleteDocuments(SearchFields.keyOf(kind, id));
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
            writer.deleteDocuments(new Term(SearchFields.KIND, kind));
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
                writer.updateDocument(SearchFields.keyOf(document.kind(), document.id()),
                        SearchFields.toLucene(document, vectorOf.get(document)));
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

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (query.text().isEmpty() || query.accessKeys().isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return blended.search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count(String kind) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term(SearchFields.KIND, kind)));
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

    @Override
    public void rebuildStarted() {
        markFilled(false);
        commitNow();
    }

    @Override
    public void rebuildFinished() {
        markFilled(true);
        commitNow();
    }

    /** What every commit from now on records along with the format: whether the index has been filled. */
    private void markFilled(boolean filled) {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, FILLED_KEY, String.valueOf(filled)).entrySet());
    }

    private void commitNow() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
