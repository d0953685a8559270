package io.kefu.search;

import java.util.stream.Stream;

/**
 * Implemented (as a bean) by a module whose data is searchable, so that the whole index can be rebuilt from the
 * database: at start when the index is missing or of an older format, and on demand
 * ({@code POST /api/v1/search/rebuild}). The stream is read once and closed; read it in pages, not all into memory.
 */
public interface SearchSource {

    /** The kind of every document this source gives, e.g. {@code article}. */
    String kind();

    /** Every document of the kind, as it should be indexed now. */
    Stream<SearchDocument> all();
}
