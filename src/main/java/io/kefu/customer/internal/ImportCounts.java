package io.kefu.customer.internal;

/** How far an import has come: rows in the file, rows processed, and what became of them. */
record ImportCounts(int total, int processed, int imported, int duplicates, int rejected) {
}
