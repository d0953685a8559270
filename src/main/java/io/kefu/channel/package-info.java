/**
 * Messaging channels (C3): WeChat official accounts and WeCom bridges, Weibo, apps and any other system post their
 * customers' messages to {@code POST /api/v1/channels/{id}/inbound} in one JSON shape, signed with the channel's
 * secret. Each message is stored once, its sender resolved to a customer, and it is threaded onto her open ticket or
 * opens one. Agents' public replies go back out through the channel's {@link io.kefu.channel.ChannelConnector}
 * (a signed webhook), through an outbox that retries while the receiver is down.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging channels")
package io.kefu.channel;
