package io.kefu.channel.internal;

/**
 * Secrets just made for a channel, the only time they are shown. A new channel gets both; a rotation one, the
 * other being null.
 *
 * @param inboundSecret   the channel signs the messages it posts with it
 * @param connectorSecret Kefu signs the replies it posts to the connector with it
 */
public record NewSecrets(ChannelRecord channel, String inboundSecret, String connectorSecret) {
}
