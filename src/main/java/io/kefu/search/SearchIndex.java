package io.kefu.search;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.kefu.search.internal.LuceneSearchIndex;

/**
 * The search index. Writing to it never joins the caller's database transaction: called inside one, {@link #put}
 * and {@link #remove} wait until it commits (and do nothing if it rolls back), so a slow embedding never holds
 * database locks and a rolled-back change is never findable. Writes are visible to searches at once and on disk
 * within a second; the index is derived data, rebuilt from the {@link SearchSource}s when lost.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Opens (or creates) the index kept in the folder. An index written by an older format is emptied; see
     * {@link #fresh()}. The application has one, as a bean over {@code kefu.data-dir/search}.
     */
    static SearchIndex open(Path folder, SearchSettings settings) {
        return new LuceneSearchIndex(folder, settings);
    }

    /** Adds the document, or replaces the one of the same kind and id. */
    void put(SearchDocument document);

    /**
     * Adds or replaces the documents, visible to searches together: for batches, since making writes visible costs
     * far more than writing one document.
     */
    void putAll(List<SearchDocument> documents);

    /** Removes the document of that kind and id, if indexed. */
    void remove(String kind, long id);

    /** The best documents for the query that the caller may see, best first. A blank text finds nothing. */
    List<SearchHit> search(SearchQuery query);

    /** Replaces every document of the kind by the given ones; answers how many were indexed. */
    long rebuild(String kind, Stream<SearchDocument> documents);

    /**
     * Merges the index into one segment, which makes searches after it faster (about half the time at 100,000
     * articles) and takes a minute or two at a million documents: worth it once after rebuilding, not after each
     * change.
     */
    void merge();

    /** How many documents of the kind are indexed. */
    long count(String kind);

    /**
     * Whether this index was created empty when opened: missing, of an older format, never filled, or left in the
     * middle of a rebuild by a stop. It needs a rebuild.
     */
    boolean fresh();

    /**
     * Marks the index as being refilled, on disk: until {@link #rebuildFinished()}, opening it again finds it
     * {@link #fresh()}.
     */
    void rebuildStarted();

    /** Marks the index as filled from every source, on disk. */
    void rebuildFinished();

    /** Writes what is pending to disk and releases the folder. */
    @Override
    void close();
}
