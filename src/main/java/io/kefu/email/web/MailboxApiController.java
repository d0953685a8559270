package io.kefu.email.web;

import java.util.List;
import java.util.Map;

import io.kefu.email.EmailInbox;
import io.kefu.email.MailKind;
import io.kefu.email.internal.MailLog;
import io.kefu.email.internal.MailboxService;
import io.kefu.email.internal.MessageEntry;
import io.kefu.email.internal.OutboxEntry;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mailboxes of the email channel, their mail log and replies, and the inbound door for a mail server's pipe. */
@RestController
@RequestMapping("/api/v1/mailboxes")
@Tag(name = "Email")
@PreAuthorize("hasAuthority('MAILBOX_MANAGE')")
class MailboxApiController {

    /** A raw message larger than this is refused (the same limit as a mail server's usual one). */
    private static final int MAX_MESSAGE = 50 * 1024 * 1024;

    private final MailboxService mailboxes;
    private final MailLog log;
    private final EmailInbox inbox;

    MailboxApiController(MailboxService mailboxes, MailLog log, EmailInbox inbox) {
        this.mailboxes = mailboxes;
        this.log = log;
        this.inbox = inbox;
    }

    @GetMapping
    List<MailboxRequest.View> list() {
        return mailboxes.all().stream().map(MailboxRequest.View::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MailboxRequest.View create(@Valid @RequestBody MailboxRequest request) {
        return MailboxRequest.View.of(mailboxes.create(request.draft()));
    }

    @GetMapping("/{id}")
    MailboxRequest.View get(@PathVariable long id) {
        return MailboxRequest.View.of(mailboxes.get(id));
    }

    /** Replaces the settings; passwords left out or empty are kept. */
    @PutMapping("/{id}")
    MailboxRequest.View update(@PathVariable long id, @Valid @RequestBody MailboxRequest request) {
        return MailboxRequest.View.of(mailboxes.update(id, request.draft()));
    }

    /**
     * A raw RFC 822 message for the mailbox, as a mail server's pipe delivers it (e.g. Postfix:
     * {@code curl --data-binary @- -H 'Content-Type: message/rfc822' ...}). The body is taken as bytes whatever its
     * declared type.
     */
    @PostMapping("/{id}/inbound")
    ResponseEntity<EmailInbox.Received> inbound(@PathVariable long id, @RequestBody(required = false) byte[] raw) {
        mailboxes.get(id);
        if (raw == null || raw.length == 0 || raw.length > MAX_MESSAGE) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "email.inbound.empty");
        }
        EmailInbox.Received received = inbox.receive(id, raw);
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(received);
    }

    /** Fetches the mailbox's new messages now, without waiting for its poll interval. */
    @PostMapping("/{id}/poll")
    Map<String, Integer> poll(@PathVariable long id) {
        return Map.of("newMessages", inbox.poll(id));
    }

    /** The mail log, newest first; pass the smallest {@code id} seen as {@code beforeId} for the next page. */
    @GetMapping("/{id}/messages")
    List<MessageEntry> messages(@PathVariable long id, @RequestParam(required = false) MailKind kind,
                                @RequestParam(required = false) Long beforeId,
                                @RequestParam(defaultValue = "50") int limit) {
        mailboxes.get(id);
        return log.messages(id, kind, beforeId, limit);
    }

    @GetMapping("/{id}/messages/{messageId}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long messageId) {
        return Eml.download(messageId, log.raw(id, messageId));
    }

    /** Reads a FAILED message again. */
    @PostMapping("/{id}/messages/{messageId}/retry")
    EmailInbox.Received retry(@PathVariable long id, @PathVariable long messageId) {
        return log.retry(id, messageId);
    }

    /** Replies sent from the mailbox, newest first, with their attempts and last error. */
    @GetMapping("/{id}/replies")
    List<OutboxEntry> replies(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        mailboxes.get(id);
        return log.replies(id, limit);
    }

    @PostMapping("/{id}/replies/{replyId}/retry")
    OutboxEntry retryReply(@PathVariable long id, @PathVariable long replyId) {
        return log.retryReply(id, replyId);
    }

    /** Raw messages as .eml downloads, never shown inline. */
    static final class Eml {
        private Eml() {
        }

        static ResponseEntity<byte[]> download(long messageId, byte[] raw) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("message/rfc822"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"message-" + messageId + ".eml\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .body(raw);
        }
    }
}
