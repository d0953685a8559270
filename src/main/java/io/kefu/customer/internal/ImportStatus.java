package io.kefu.customer.internal;

import java.time.Instant;
import java.util.UUID;

/** Where an import stands; {@code rejected} rows (and duplicates) are listed in its report. */
public record ImportStatus(UUID id, String fileName, String status, int totalRows, int processedRows, int imported,
                           int duplicates, int rejected, String failure, String createdBy, Instant createdAt,
                           Instant finishedAt) {

    /** QUEUED (waiting for its turn) and RUNNING end as DONE or FAILED. */
    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }

    /** Per cent done, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? (finished() ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
    }
}
