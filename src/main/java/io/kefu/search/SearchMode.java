package io.kefu.search;

/** How a query is matched. Popularity weighs in every mode with the same share as in {@link #BLEND}. */
public enum SearchMode {
    /** Words only: BM25 over the segmented title and body (title boosted), Chinese bigrams as a safety net. */
    TEXT,
    /** Meaning only: nearest documents by the cosine of their bge-small-zh embeddings. */
    SEMANTIC,
    /** Both, plus popularity, each normalised and weighted (see {@link SearchSettings}). */
    BLEND
}
