package io.kefu.email.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.kefu.ticket.TicketReplied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts an agent's public reply on a ticket that came by email into the outbox, addressed to the customer's address
 * of the thread from the mailbox it came to, with a Message-ID of its own (which her answer will refer to) and the
 * thread's In-Reply-To and References; a delivery task is scheduled in the same transaction.
 */
@Component
class ReplyMail {

    static final String SEND_TASK = "email-send";
    /** Re:, Fw: and the Chinese 回复 / 答复 / 回覆 / 转发 (reply, forward), written as Unicode escapes. */
    private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fw|fwd|\u56de\u590d|\u7b54\u590d|\u56de\u8986|\u8f6c\u53d1)\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE);
    /** Enough of the chain for any mailer to thread; the first and the latest messages matter most. */
    private static final int MAX_REFERENCES = 20;

    private final MessageStore messages;
    private final MailboxStore mailboxes;
    private final OutboxStore outbox;
    private final Signatures signatures;
    private final SchedulerClient scheduler;

    ReplyMail(MessageStore messages, MailboxStore mailboxes, OutboxStore outbox, Signatures signatures,
              SchedulerClient scheduler) {
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.signatures = signatures;
        this.scheduler = scheduler;
    }

    @ApplicationModuleListener
    void replied(TicketReplied reply) {
        messages.thread(reply.ticketId()).ifPresent(thread -> mailboxes.find(thread.mailboxId())
                .ifPresent(mailbox -> queue(reply, thread, mailbox)));
    }

    private void queue(TicketReplied reply, MessageStore.Thread thread, Mailbox mailbox) {
        List<String> chain = messages.chain(reply.ticketId());
        if (chain.size() > MAX_REFERENCES) {
            chain = java.util.stream.Stream.concat(chain.stream().limit(1),
                    chain.stream().skip(chain.size() - (MAX_REFERENCES - 1))).toList();
        }
        String inReplyTo = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        String signature = signatures.forReply(reply.authorStaffId(), reply.authorName(), mailbox);
        String body = signature == null ? reply.text() : reply.text() + "\n\n-- \n" + signature;
        outbox.insert(mailbox.id(), reply.ticketId(), reply.articleId(), messageId(reply, mailbox), inReplyTo,
                        chain.isEmpty() ? null : String.join(" ", chain), thread.customerAddress(),
                        subject(reply), body, reply.authorName())
                .ifPresent(id -> scheduler.schedule(new TaskInstance<Void>(SEND_TASK, Long.toString(id)),
                        Instant.now(), ScheduleOptions.WHEN_EXISTS_DO_NOTHING));
    }

    /** "Re: <subject> [#42]": the tag threads her answer even when her mailer drops the headers. */
    static String subject(TicketReplied reply) {
        String subject = REPLY_PREFIX.matcher(reply.subject() == null ? "" : reply.subject().strip()).replaceFirst("");
        String tag = "[" + reply.ticketNumber() + "]";
        return "Re: " + (subject.contains(tag) ? subject : subject + " " + tag);
    }

    private static String messageId(TicketReplied reply, Mailbox mailbox) {
        String domain = mailbox.address().substring(mailbox.address().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<kefu." + reply.ticketId() + "." + reply.articleId() + "."
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@" + domain + ">";
    }
}
