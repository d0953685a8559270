package io.kefu.channel.web;

import java.time.Instant;

import io.kefu.channel.ChannelKind;
import io.kefu.channel.internal.ChannelRecord;
import io.kefu.customer.IdentityKind;

/**
 * A channel as the API shows it: never its secrets.
 *
 * @param inboundPath where the channel posts its messages
 */
record ChannelView(long id, String name, ChannelKind kind, IdentityKind identityKind, String connectorUrl,
                   boolean enabled, String inboundPath, Instant createdAt, Instant updatedAt) {

    static ChannelView of(ChannelRecord c) {
        return new ChannelView(c.id(), c.name(), c.kind(), c.identityKind(), c.connectorUrl(), c.enabled(),
                inboundPath(c.id()), c.createdAt(), c.updatedAt());
    }

    static String inboundPath(long channelId) {
        return "/api/v1/channels/" + channelId + "/inbound";
    }
}
