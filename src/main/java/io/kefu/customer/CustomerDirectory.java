package io.kefu.customer;

import java.util.Optional;

/** Finds the customer behind an identity, as channels do when a message arrives. */
public interface CustomerDirectory {

    /** The live customer (never a merged-away one) holding this identity; the value is normalised first. */
    Optional<Long> findByIdentity(IdentityKind kind, String value);
}
