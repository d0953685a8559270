/**
 * Search (issue 6): ranked full-text and semantic search over anything other modules feed it (knowledge articles,
 * tickets). One embedded Lucene index on disk under {@code kefu.data-dir/search}, Chinese word segmentation
 * (smartcn) plus character bigrams, Traditional folded to Simplified, and vectors of the in-process bge-small-zh
 * embedding model. Modules index through {@link io.kefu.search.SearchIndex} after their transaction commits and
 * offer their whole data through a {@link io.kefu.search.SearchSource} bean so the index can be rebuilt.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package io.kefu.search;
