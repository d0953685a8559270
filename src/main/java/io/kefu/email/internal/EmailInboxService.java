package io.kefu.email.internal;

import io.kefu.email.EmailInbox;
import org.springframework.stereotype.Service;

/** The email channel's inbound door: raw messages from a mail server, and polls on demand. */
@Service
class EmailInboxService implements EmailInbox {

    private final InboundMail inbound;
    private final ImapPoller poller;

    EmailInboxService(InboundMail inbound, ImapPoller poller) {
        this.inbound = inbound;
        this.poller = poller;
    }

    @Override
    public Received receive(long mailboxId, byte[] raw) {
        return inbound.receive(mailboxId, raw);
    }

    @Override
    public int poll(long mailboxId) {
        return poller.poll(mailboxId);
    }
}
