package io.kefu.ticket.internal;

/** An entry of a ticket's conversation: what the customer sees (replies, her messages) and what she does not (notes). */
public enum ArticleKind {
    CUSTOMER_MESSAGE, PUBLIC_REPLY, INTERNAL_NOTE;

    public boolean isVisibleToCustomer() {
        return this != INTERNAL_NOTE;
    }
}
