package io.kefu.knowledge.web;

import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.KnowledgeArticles;
import io.kefu.knowledge.internal.ArticleSearch;
import io.kefu.platform.DomainException;
import io.kefu.ticket.CustomerTickets;
import io.kefu.ticket.StaffTickets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Articles suggested beside a ticket, found from its subject and the customer's latest message, ready to insert
 * into a reply; inserting one counts as a use of the article.
 */
@Controller
class TicketSuggestionController {

    private static final int SUGGESTIONS = 5;

    /** A suggestion with the text an agent inserts into her reply. */
    record Suggestion(long id, String title, String snippet, String text) {
    }

    private final StaffTickets tickets;
    private final ArticleSearch search;
    private final KnowledgeArticles articles;

    TicketSuggestionController(StaffTickets tickets, ArticleSearch search, KnowledgeArticles articles) {
        this.tickets = tickets;
        this.search = search;
        this.articles = articles;
    }

    @GetMapping("/knowledge/tickets/{ticketId}/suggested")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ') and hasAuthority('TICKET_READ')")
    String suggested(@PathVariable long ticketId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        CustomerTickets.Conversation conversation = tickets.conversation(ticketId, me)
                .orElseThrow(() -> DomainException.notFound("ticket", ticketId));
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("suggestions", search.forStaff(questionOf(conversation), SUGGESTIONS).stream()
                .flatMap(hit -> articles.published(hit.id()).stream()
                        .map(a -> new Suggestion(a.id(), a.title(), hit.snippet(), a.text())))
                .toList());
        return "knowledge/fragments :: suggested";
    }

    /** The agent put the article into a reply. */
    @PostMapping("/knowledge/articles/{id}/uses")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ') and hasAuthority('TICKET_WRITE')")
    ResponseEntity<Void> used(@PathVariable long id) {
        articles.published(id).orElseThrow(() -> DomainException.notFound("article", id));
        articles.recordReplyUse(id);
        return ResponseEntity.noContent().build();
    }

    /** What the customer asks: the subject and her latest message. */
    private static String questionOf(CustomerTickets.Conversation conversation) {
        List<CustomerTickets.Entry> entries = conversation.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).fromCustomer()) {
                return conversation.ticket().subject() + "\n" + entries.get(i).text();
            }
        }
        return conversation.ticket().subject();
    }
}
