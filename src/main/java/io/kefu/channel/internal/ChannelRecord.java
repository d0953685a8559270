package io.kefu.channel.internal;

import java.time.Instant;

import io.kefu.channel.ChannelKind;
import io.kefu.customer.IdentityKind;

/**
 * A channel as administrators see it: never its secrets, which only the inbound check and the connector read.
 *
 * @param identityKind what the sender ids this channel posts are (openids, app user ids, ...)
 * @param connectorUrl where replies are posted, or null while none is set (replies wait until one is)
 */
public record ChannelRecord(long id, String name, ChannelKind kind, IdentityKind identityKind, String connectorUrl,
                            boolean enabled, Instant createdAt, Instant updatedAt) {
}
