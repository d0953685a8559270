package io.kefu.chat.internal;

/** A browser on the company's site, known by its token; tied to a customer once she is known. */
public record Visitor(long id, Long customerId, String name) {
}
