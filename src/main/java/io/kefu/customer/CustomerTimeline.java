package io.kefu.customer;

/** Other modules add what happened with a customer (a ticket, a chat, a call) to her one timeline. */
public interface CustomerTimeline {

    /**
     * @param kind    what happened, a dotted code such as {@code ticket.created}; its label is
     *                {@code timeline.<kind>} in the messages
     * @param summary a short text shown on the timeline
     * @param source  the module that adds it, or the {@code TicketChannel} name (e.g. {@code EMAIL}) a customer's
     *                message came by, which the timeline shows as a badge
     */
    void add(long customerId, String kind, String summary, String source);

    /**
     * As {@link #add}, for what the customer did herself (wrote, rated, opened a ticket by writing in): the timeline
     * names her, not whoever was signed in when it arrived (an agent, a channel's token, the first start).
     */
    void addByCustomer(long customerId, String kind, String summary, String source);
}
