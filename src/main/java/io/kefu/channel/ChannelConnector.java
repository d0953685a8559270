package io.kefu.channel;

/**
 * Carries replies to customers on one channel. The built-in connector posts them to a webhook; a connector for a
 * vendor API (e.g. WeChat's customer-service messages) would implement the same call.
 */
public interface ChannelConnector {

    /**
     * Hands the reply over to the channel, returning once it is accepted.
     *
     * @throws RuntimeException when the channel is unreachable or refuses the reply; its message says why and the
     *                          outbox tries again later
     */
    void deliver(OutgoingMessage message);
}
