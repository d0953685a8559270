package io.kefu.channel.internal;

/** A channel's two secrets. */
public enum ChannelSecret {
    /** The channel signs the messages it posts with it. */
    INBOUND("inbound_secret"),
    /** Kefu signs the replies it posts to the channel's connector with it. */
    CONNECTOR("connector_secret");

    private final String column;

    ChannelSecret(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
