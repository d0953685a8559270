package io.kefu.knowledge.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.ticket.TicketInbox;
import io.kefu.ticket.TicketSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Difficult problems (疑难问题): tickets an agent could not answer from the knowledge base. Supervisors discuss them
 * and close each by linking the article that answers it, so the next agent finds the answer.
 */
@Service
@Transactional
public class DifficultProblems {

    public enum State { OPEN, CLOSED }

    public record Problem(long id, long ticketId, String ticketNumber, String subject, String note, State state,
                          String flaggedBy, Long articleId, String articleTitle, String closedBy, Instant closedAt,
                          Instant createdAt, int comments) {
    }

    public record Comment(String authorName, String text, Instant at) {
    }

    private final JdbcClient jdbc;
    private final TicketInbox tickets;
    private final ArticleService articles;

    DifficultProblems(JdbcClient jdbc, TicketInbox tickets, ArticleService articles) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.articles = articles;
    }

    /** Flags a ticket; a ticket that is already an open difficult problem is refused with 409. */
    public Problem flag(long ticketId, String note, StaffPrincipal agent) {
        TicketSummary ticket = tickets.find(ticketId)
                .orElseThrow(() -> DomainException.onField(HttpStatus.BAD_REQUEST, "ticketId",
                        "error.notFound.ticket", ticketId));
        String cleanNote = note == null || note.isBlank() ? null : Text.truncate(note.strip(), 4000);
        try {
            long id = jdbc.sql("""
                    INSERT INTO kb_difficult_problem (ticket_id, ticket_number, subject, note, flagged_by)
                    VALUES (:ticket, :number, :subject, :note, :by) RETURNING id""")
                    .param("ticket", ticketId).param("number", ticket.number())
                    .param("subject", Text.truncate(ticket.subject(), 300)).param("note", cleanNote)
                    .param("by", agent.displayName()).query(Long.class).single();
            return get(id);
        } catch (DuplicateKeyException alreadyOpen) {
            throw new DomainException(HttpStatus.CONFLICT, "knowledge.difficultAlreadyOpen", ticket.number());
        }
    }

    @Transactional(readOnly = true)
    public List<Problem> list(State state, int limit) {
        return jdbc.sql(SELECT + " WHERE p.state = :state ORDER BY p.id " + (state == State.OPEN ? "ASC" : "DESC")
                        + " LIMIT :limit").param("state", state.name()).param("limit", limit).query(ROW).list();
    }

    @Transactional(readOnly = true)
    public Problem get(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(ROW).optional()
                .orElseThrow(() -> DomainException.notFound("difficultProblem", id));
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long id) {
        return jdbc.sql("SELECT author_name, text, created_at FROM kb_difficult_comment WHERE problem_id = :id "
                        + "ORDER BY id").param("id", id)
                .query((rs, n) -> new Comment(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void comment(long id, String text, StaffPrincipal author) {
        get(id);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 4000) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "text", "knowledge.commentRequired");
        }
        jdbc.sql("INSERT INTO kb_difficult_comment (problem_id, author_name, text) VALUES (:id, :by, :text)")
                .param("id", id).param("by", author.displayName()).param("text", clean).update();
    }

    /** Closes an open problem with the article that answers it (which must exist). */
    public Problem close(long id, long articleId, StaffPrincipal reviewer) {
        Problem problem = get(id);
        if (problem.state() != State.OPEN) {
            throw new DomainException(HttpStatus.CONFLICT, "knowledge.difficultClosed");
        }
        if (articles.find(articleId).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "articleId", "error.notFound.article", articleId);
        }
        jdbc.sql("""
                UPDATE kb_difficult_problem SET state = 'CLOSED', article_id = :article, closed_by = :by,
                    closed_at = now() WHERE id = :id AND state = 'OPEN'""")
                .param("article", articleId).param("by", reviewer.displayName()).param("id", id).update();
        return get(id);
    }

    private static final String SELECT = """
            SELECT p.id, p.ticket_id, p.ticket_number, p.subject, p.note, p.state, p.flagged_by, p.article_id,
                a.title, p.closed_by, p.closed_at, p.created_at,
                (SELECT count(*) FROM kb_difficult_comment c WHERE c.problem_id = p.id)
            FROM kb_difficult_problem p LEFT JOIN kb_article a ON a.id = p.article_id""";

    private static final RowMapper<Problem> ROW = (rs, n) -> new Problem(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), State.valueOf(rs.getString(6)), rs.getString(7),
            rs.getObject(8, Long.class), rs.getString(9), rs.getString(10),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
            rs.getInt(13));
}
