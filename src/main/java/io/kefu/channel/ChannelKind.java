package io.kefu.channel;

import io.kefu.ticket.TicketChannel;

/** The kind of system a channel connects; its tickets are marked with the matching ticket channel. */
public enum ChannelKind {
    WECHAT_OFFICIAL_ACCOUNT(TicketChannel.WECHAT),
    WECOM(TicketChannel.WECHAT),
    WEIBO(TicketChannel.WEIBO),
    APP(TicketChannel.APP),
    OTHER(TicketChannel.OTHER);

    private final TicketChannel ticketChannel;

    ChannelKind(TicketChannel ticketChannel) {
        this.ticketChannel = ticketChannel;
    }

    public TicketChannel ticketChannel() {
        return ticketChannel;
    }
}
