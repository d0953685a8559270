package io.kefu.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.internal.ArticleKind;
import io.kefu.ticket.internal.TicketAttachments;
import io.kefu.ticket.internal.TicketJournal;
import io.kefu.ticket.internal.TicketService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A ticket's conversation, history and files. */
@RestController
@RequestMapping("/api/v1/tickets/{id}")
@Tag(name = "Tickets")
class TicketConversationApiController {

    /**
     * @param internal    an internal note the customer never sees, instead of a public reply
     * @param opportunity an upsell or new-business chance to hand to sales, optional
     */
    record ReplyRequest(@NotBlank @Size(max = 20000) String body, Boolean internal,
                        @Size(max = 2000) String opportunity) {
    }

    private final TicketService tickets;
    private final TicketJournal journal;
    private final TicketAttachments attachments;

    TicketConversationApiController(TicketService tickets, TicketJournal journal, TicketAttachments attachments) {
        this.tickets = tickets;
        this.journal = journal;
        this.attachments = attachments;
    }

    @PostMapping("/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    List<TicketJournal.Article> reply(@PathVariable long id, @Valid @RequestBody ReplyRequest body,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        tickets.reply(id, Boolean.TRUE.equals(body.internal()) ? ArticleKind.INTERNAL_NOTE : ArticleKind.PUBLIC_REPLY, body.body(),
                body.opportunity(), me);
        return journal.articles(id);
    }

    @GetMapping("/articles")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<TicketJournal.Article> articles(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        tickets.get(id, me);
        return journal.articles(id);
    }

    /** Every change of every field, oldest first. */
    @GetMapping("/history")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<TicketJournal.Change> history(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        tickets.get(id, me);
        return journal.history(id);
    }

    @PostMapping("/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketAttachments.Attachment attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                        @AuthenticationPrincipal StaffPrincipal me) {
        try {
            return attachments.attach(id, file.getOriginalFilename(), file.getInputStream(), me);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/attachments")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<TicketAttachments.Attachment> attachments(@PathVariable long id,
                                                   @AuthenticationPrincipal StaffPrincipal me) {
        tickets.get(id, me);
        return attachments.of(id);
    }

    @GetMapping("/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        return AttachmentDownload.of(attachments, id, attachmentId, me);
    }
}
