package io.kefu.customer;

/** Published when {@code sourceId} was merged into {@code survivorId}: whatever pointed at the source moves. */
public record CustomersMerged(long survivorId, long sourceId) {
}
