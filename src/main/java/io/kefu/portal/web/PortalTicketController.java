package io.kefu.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
import io.kefu.portal.PortalCustomer;
import io.kefu.portal.internal.PortalAccountService;
import io.kefu.portal.internal.PortalTicketService;
import io.kefu.ticket.CustomerTickets;
import io.kefu.ticket.MessageFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in customer's tickets: the list, a new request, one ticket's conversation with her reply box and, once
 * resolved, her rating. A ticket that is not hers does not exist for her (404).
 */
@Controller
@RequestMapping("/portal")
@PreAuthorize("hasAuthority('PORTAL_CUSTOMER')")
class PortalTicketController {

    private static final int MAX_FILES = 5;
    private static final int LIST_SIZE = 200;

    private final PortalAccountService accounts;
    private final PortalTicketService portalTickets;
    private final CustomerTickets tickets;
    private final DataSize maxFileSize;

    PortalTicketController(PortalAccountService accounts, PortalTicketService portalTickets, CustomerTickets tickets,
                           @Value("${kefu.tickets.max-attachment-size:20MB}") DataSize maxFileSize) {
        this.accounts = accounts;
        this.portalTickets = portalTickets;
        this.tickets = tickets;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalCustomer me, Model model) {
        model.addAttribute("tickets", tickets.of(accounts.customerOf(me), LIST_SIZE));
        return "portal/tickets";
    }

    @GetMapping("/tickets/new")
    String newTicket(Model model) {
        model.addAttribute("form", new PortalForm());
        return "portal/new-ticket";
    }

    @PostMapping("/tickets")
    String open(@AuthenticationPrincipal PortalCustomer me, @ModelAttribute("form") PortalForm form,
                BindingResult binding, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        try {
            long id = portalTickets.open(accounts.customerOf(me), me.name(), form.getSubject(),
                    form.getDescription(), messageFiles(files));
            return "redirect:/portal/tickets/" + id;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return "portal/new-ticket";
        }
    }

    @GetMapping("/tickets/{id}")
    String ticket(@AuthenticationPrincipal PortalCustomer me, @PathVariable long id, Model model) {
        CustomerTickets.Conversation conversation = tickets.conversation(accounts.customerOf(me), id)
                .orElseThrow(() -> DomainException.notFound("ticket", id));
        model.addAttribute("conversation", conversation);
        Map<Long, String> html = new HashMap<>();
        for (CustomerTickets.Entry entry : conversation.entries()) {
            html.put(entry.id(), entry.htmlWithInlineImages(fileId -> "/portal/tickets/" + id + "/files/" + fileId));
        }
        model.addAttribute("entryHtml", html);
        return "portal/ticket";
    }

    @PostMapping("/tickets/{id}/replies")
    String reply(@AuthenticationPrincipal PortalCustomer me, @PathVariable long id,
                 @RequestParam(defaultValue = "") String body,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files,
                 RedirectAttributes redirect) {
        try {
            long landed = portalTickets.reply(accounts.customerOf(me), id, me.name(), body, messageFiles(files));
            return "redirect:/portal/tickets/" + landed;
        } catch (DomainException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            PageProblem.flash(redirect, e);
            return "redirect:/portal/tickets/" + id;
        }
    }

    @PostMapping("/tickets/{id}/rating")
    String rate(@AuthenticationPrincipal PortalCustomer me, @PathVariable long id,
                @RequestParam(defaultValue = "0") int score, @RequestParam(required = false) String comment,
                RedirectAttributes redirect) {
        try {
            tickets.rate(accounts.customerOf(me), id, score, comment);
        } catch (DomainException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            PageProblem.flash(redirect, e);
        }
        return "redirect:/portal/tickets/" + id;
    }

    /** A file of her conversation, always as a download (never rendered by the browser). */
    @GetMapping("/tickets/{id}/files/{fileId}")
    ResponseEntity<Resource> file(@AuthenticationPrincipal PortalCustomer me, @PathVariable long id,
                                  @PathVariable long fileId) {
        CustomerTickets.StoredFile file = tickets.file(accounts.customerOf(me), id, fileId)
                .orElseThrow(() -> DomainException.notFound("attachment", fileId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file.path()));
    }

    private List<MessageFile> messageFiles(List<MultipartFile> uploads) {
        List<MessageFile> files = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (upload.isEmpty()) {
                continue;
            }
            if (upload.getSize() > maxFileSize.toBytes()) {
                throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "ticket.attachmentTooLarge",
                        maxFileSize.toMegabytes());
            }
            try {
                files.add(new MessageFile(upload.getOriginalFilename(), upload.getContentType(), upload.getBytes(),
                        null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.size() > MAX_FILES) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "portal.ticket.tooManyFiles", MAX_FILES);
        }
        return files;
    }
}
