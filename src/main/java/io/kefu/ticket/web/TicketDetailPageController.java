package io.kefu.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.internal.ArticleKind;
import io.kefu.ticket.internal.CannedReplies;
import io.kefu.ticket.internal.Dispatches;
import io.kefu.ticket.internal.ReturnVisitVerdict;
import io.kefu.ticket.internal.ReturnVisits;
import io.kefu.ticket.internal.Ticket;
import io.kefu.ticket.internal.TicketDispatch;
import io.kefu.ticket.internal.TicketAttachments;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketJournal;
import io.kefu.ticket.internal.TicketService;
import io.kefu.ticket.internal.TicketSla;
import io.kefu.ticket.internal.TicketTypes;
import io.kefu.platform.web.PageProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A ticket's page: its fields and SLA, the conversation with replies and notes, the actions its state allows,
 * dispatch and its answer, the return visit, files and the history of every change. Each change comes back to this
 * page, with the reason above it when it was refused.
 */
@Controller
@RequestMapping("/tickets/{id}")
class TicketDetailPageController {

    private final TicketService tickets;
    private final TicketJournal journal;
    private final TicketDispatch dispatch;
    private final Dispatches dispatches;
    private final ReturnVisits returnVisits;
    private final TicketAttachments attachments;
    private final CannedReplies cannedReplies;
    private final TicketCategories categories;
    private final TicketTypes types;
    private final TicketSla sla;
    private final TicketLabels labels;
    private final TicketHistoryLines historyLines;
    private final StaffDirectory staff;

    TicketDetailPageController(TicketService tickets, TicketJournal journal, TicketDispatch dispatch,
                               Dispatches dispatches, ReturnVisits returnVisits, TicketAttachments attachments,
                               CannedReplies cannedReplies, TicketCategories categories, TicketTypes types,
                               TicketSla sla, TicketLabels labels, TicketHistoryLines historyLines,
                               StaffDirectory staff) {
        this.tickets = tickets;
        this.journal = journal;
        this.dispatch = dispatch;
        this.dispatches = dispatches;
        this.returnVisits = returnVisits;
        this.attachments = attachments;
        this.cannedReplies = cannedReplies;
        this.categories = categories;
        this.types = types;
        this.sla = sla;
        this.labels = labels;
        this.historyLines = historyLines;
        this.staff = staff;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('TICKET_READ')")
    String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Ticket ticket = tickets.get(id, me);
        model.addAllAttributes(labels.forTickets(List.of(ticket)));
        model.addAttribute("ticket", ticket);
        model.addAttribute("sla", sla.summaryOf(ticket));
        List<TicketJournal.Article> articles = journal.articles(id);
        List<TicketAttachments.Attachment> files = attachments.of(id);
        model.addAttribute("articles", articles);
        model.addAttribute("articleHtml", MessageHtml.of(articles, files,
                attachmentId -> "/tickets/" + id + "/attachments/" + attachmentId));
        model.addAttribute("articleFiles", files.stream().filter(f -> f.articleId() != null)
                .collect(Collectors.groupingBy(TicketAttachments.Attachment::articleId)));
        model.addAttribute("history", historyLines.of(journal.history(id), LocaleContextHolder.getLocale()));
        model.addAttribute("dispatchList", dispatches.of(id));
        model.addAttribute("pendingDispatch", dispatches.pending(id).orElse(null));
        model.addAttribute("visits", returnVisits.of(id));
        model.addAttribute("files", files);
        model.addAttribute("cannedList", cannedReplies.all());
        model.addAttribute("category", ticket.getCategoryId() == null ? null
                : categories.find(ticket.getCategoryId()).map(TicketCategories.Category::path).orElse(null));
        model.addAttribute("skillGroups", staff.skillGroups());
        model.addAttribute("departments", staff.departments());
        model.addAttribute("assignees", staff.active());
        model.addAttribute("verdicts", ReturnVisitVerdict.values());
        model.addAttribute("typeList", types.all());
        model.addAttribute("categoryList", categories.all());
        model.addAttribute("priorities", TicketPriority.values());
        return "ticket/detail";
    }

    @PostMapping("/actions")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String act(@PathVariable long id, @RequestParam TicketAction action, @RequestParam(required = false) Long version,
               @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> tickets.transition(id, action, version, me));
    }

    /** Type, priority, category and subject, against the version the page showed. */
    @PostMapping("/edit")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String edit(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String type,
                @RequestParam(required = false) TicketPriority priority, @RequestParam(required = false) Long categoryId,
                @RequestParam(defaultValue = "") String subject, @AuthenticationPrincipal StaffPrincipal me,
                RedirectAttributes redirect) {
        if (priority == null || subject.isBlank() || subject.length() > 200) {
            return refuse(id, redirect, "ticket.page.editIncomplete");
        }
        return attempt(id, redirect, () -> {
            Ticket ticket = tickets.get(id, me);
            tickets.edit(id, version, type, priority, categoryId, subject, ticket.getCustomFields(), me);
        });
    }

    @PostMapping("/replies")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "false") boolean internal,
                 @RequestParam(required = false) String opportunity,
                 @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (body.isBlank() || body.length() > 20000) {
            return refuse(id, redirect, "ticket.page.replyRequired");
        }
        return attempt(id, redirect, () -> tickets.reply(id, internal ? ArticleKind.INTERNAL_NOTE
                : ArticleKind.PUBLIC_REPLY, body, opportunity, me));
    }

    @PostMapping("/assign")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeId,
                  @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (assigneeId == null) {
            return refuse(id, redirect, "ticket.page.assigneeRequired");
        }
        return attempt(id, redirect, () -> tickets.assign(id, assigneeId, me));
    }

    /** {@code target} is {@code group:<id>} or {@code department:<id>}. */
    @PostMapping("/dispatch")
    @PreAuthorize("hasAuthority('TICKET_DISPATCH')")
    String dispatch(@PathVariable long id, @RequestParam(defaultValue = "") String target,
                    @RequestParam(required = false) String note,
                    @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        String[] parts = target.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
            return refuse(id, redirect, "ticket.dispatchTargetRequired");
        }
        long targetId = Long.parseLong(parts[1]);
        boolean group = parts[0].equals("group");
        return attempt(id, redirect, () -> dispatch.dispatchTo(id, group ? null : targetId, group ? targetId : null,
                note == null || note.isBlank() ? null : note.strip(), me));
    }

    @PostMapping("/dispatch/accept")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String accept(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        return attempt(id, redirect, () -> dispatch.accept(id, me));
    }

    @PostMapping("/dispatch/return")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String giveBack(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                    @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 1000) {
            return refuse(id, redirect, "ticket.page.reasonRequired");
        }
        return attempt(id, redirect, () -> dispatch.giveBack(id, reason, me));
    }

    @PostMapping("/return-visits")
    @PreAuthorize("hasAuthority('RETURN_VISIT_WRITE')")
    String returnVisit(@PathVariable long id, @RequestParam(required = false) ReturnVisitVerdict verdict,
                       @RequestParam(required = false) String comment,
                       @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (verdict == null) {
            return refuse(id, redirect, "ticket.page.verdictRequired");
        }
        return attempt(id, redirect, () -> tickets.returnVisit(id, verdict,
                comment == null || comment.isBlank() ? null : comment.strip(), me));
    }

    @PostMapping("/attachments")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return refuse(id, redirect, "ticket.attachmentEmpty");
        }
        return attempt(id, redirect, () -> {
            try {
                attachments.attach(id, file.getOriginalFilename(), file.getInputStream(), me);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/attachments/{attachmentId}")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        return AttachmentDownload.of(attachments, id, attachmentId, me);
    }

    /** A canned reply filled in for this ticket, for the reply box. */
    @GetMapping("/canned-replies/{replyId}")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    @ResponseBody
    Map<String, String> canned(@PathVariable long id, @PathVariable long replyId,
                               @AuthenticationPrincipal StaffPrincipal me) {
        return Map.of("body", tickets.cannedReply(id, replyId, me));
    }

    private String attempt(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (DomainException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            PageProblem.flash(redirect, e);
        }
        return "redirect:/tickets/" + id;
    }

    private String refuse(long id, RedirectAttributes redirect, String messageKey) {
        PageProblem.flash(redirect, messageKey);
        return "redirect:/tickets/" + id;
    }
}
