package io.kefu.email;

/** What an inbound message turned out to be. */
public enum MailKind {
    /** A customer's mail: it opened a ticket or joined one. */
    TICKET,
    /** An out-of-office or other automatic answer: logged, never a ticket, never answered. */
    AUTO_REPLY,
    /** A delivery failure report: logged, never a ticket, never answered. */
    BOUNCE,
    /** Mail from one of our own mailboxes or carrying our loop header: logged, never a ticket, never answered. */
    LOOP,
    /** Could not be parsed or stored: kept raw with the error for an administrator to retry. */
    FAILED
}
