package io.kefu.channel.internal;

import io.kefu.channel.ChannelKind;
import io.kefu.customer.IdentityKind;

/** What an administrator sets on a channel; secrets are made by Kefu, never typed. */
public record ChannelDraft(String name, ChannelKind kind, IdentityKind identityKind, String connectorUrl,
                           boolean enabled) {
}
