package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.ticket.CustomerTickets;
import io.kefu.ticket.StaffTickets;
import io.kefu.ticket.TicketSummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the customer portal shows a customer of her tickets, and her ratings of resolved ones. */
@Service
@Transactional(readOnly = true)
class CustomerTicketService implements CustomerTickets, StaffTickets {

    private final TicketRepository tickets;
    private final TicketJournal journal;
    private final TicketAttachments attachments;
    private final TicketService service;
    private final JdbcClient jdbc;

    CustomerTicketService(TicketRepository tickets, TicketJournal journal, TicketAttachments attachments,
                          TicketService service, JdbcClient jdbc) {
        this.tickets = tickets;
        this.journal = journal;
        this.attachments = attachments;
        this.service = service;
        this.jdbc = jdbc;
    }

    @Override
    public List<TicketSummary> of(long customerId, int limit) {
        return tickets.findByCustomerIdOrderByIdDesc(customerId, PageRequest.ofSize(Math.max(1, limit))).stream()
                .map(TicketInboxService::summaryOf).toList();
    }

    @Override
    public Optional<Conversation> conversation(long ticketId, StaffPrincipal viewer) {
        Optional<Ticket> ticket = tickets.findById(ticketId).filter(t -> service.scopeOf(viewer).allows(t));
        return ticket.flatMap(t -> conversation(t.getCustomerId(), ticketId));
    }

    @Override
    public Optional<Conversation> conversation(long customerId, long ticketId) {
        return hers(customerId, ticketId).map(ticket -> {
            Map<Long, List<FileInfo>> files = attachments.of(ticketId).stream()
                    .filter(a -> a.articleId() != null)
                    .collect(Collectors.groupingBy(TicketAttachments.Attachment::articleId,
                            Collectors.mapping(a -> new FileInfo(a.id(), a.fileName(), a.contentType(),
                                    a.sizeBytes(), a.contentId()), Collectors.toList())));
            List<Entry> entries = journal.articles(ticketId).stream()
                    .filter(a -> a.kind().isVisibleToCustomer())
                    .map(a -> new Entry(a.id(), a.kind() == ArticleKind.CUSTOMER_MESSAGE, a.authorName(), a.body(),
                            a.html(), a.channel(), a.createdAt(), files.getOrDefault(a.id(), List.of())))
                    .toList();
            return new Conversation(TicketInboxService.summaryOf(ticket), entries, rating(ticketId).orElse(null));
        });
    }

    @Override
    public Optional<StoredFile> file(long customerId, long ticketId, long attachmentId) {
        if (hers(customerId, ticketId).isEmpty()) {
            return Optional.empty();
        }
        List<Long> visibleEntries = journal.articles(ticketId).stream().filter(a -> a.kind().isVisibleToCustomer())
                .map(TicketJournal.Article::id).toList();
        return attachments.find(ticketId, attachmentId)
                .filter(a -> a.articleId() != null && visibleEntries.contains(a.articleId()))
                .map(a -> new StoredFile(a.fileName(), a.contentType(), a.sizeBytes(),
                        attachments.pathOf(a.sha256())));
    }

    @Override
    @Transactional
    public void rate(long customerId, long ticketId, int score, String comment) {
        if (score < 1 || score > 5) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "score", "ticket.ratingScore");
        }
        Ticket ticket = tickets.findForUpdate(ticketId).filter(t -> t.getCustomerId() == customerId)
                .orElseThrow(() -> DomainException.notFound("ticket", ticketId));
        if (ticket.getState().isOpen()) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.ratingWhileOpen");
        }
        int added = jdbc.sql("""
                INSERT INTO ticket_rating (ticket_id, customer_id, score, comment) VALUES (:ticket, :customer,
                    :score, :comment) ON CONFLICT (ticket_id) DO NOTHING""")
                .param("ticket", ticketId).param("customer", customerId).param("score", score)
                .param("comment", Text.truncate(Text.blankToNull(comment), 2000)).update();
        if (added == 0) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.alreadyRated");
        }
        service.rated(ticket, score);
    }

    private Optional<Ticket> hers(long customerId, long ticketId) {
        return tickets.findById(ticketId).filter(ticket -> ticket.getCustomerId() == customerId);
    }

    private Optional<Rating> rating(long ticketId) {
        return jdbc.sql("SELECT score, comment, rated_at FROM ticket_rating WHERE ticket_id = :ticket")
                .param("ticket", ticketId)
                .query((rs, n) -> new Rating(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }
}
