package io.kefu.email;

/**
 * How mail reaches the email channel: by polling a mailbox's IMAP folder, or as a raw message handed over by a
 * mail server (an MTA pipe). A message already stored for the mailbox (same Message-ID) is not stored again.
 */
public interface EmailInbox {

    /**
     * Stores a raw RFC 822 message received for the mailbox and turns it into a ticket message when it is a
     * customer's mail. A message that cannot be parsed is kept raw and flagged {@link MailKind#FAILED}.
     */
    Received receive(long mailboxId, byte[] raw);

    /** Fetches the mailbox's new messages from its IMAP folder now; answers how many were new. */
    int poll(long mailboxId);

    /**
     * The outcome for one message.
     *
     * @param messageId the stored message (the earlier one for a duplicate)
     * @param ticketId  the ticket it opened or joined, or null
     * @param duplicate the mailbox had this message already
     */
    record Received(long messageId, MailKind kind, Long ticketId, boolean duplicate) {
    }
}
