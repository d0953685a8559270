package io.kefu.chat.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.kefu.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Visitors, known by the hash of their token, and the trail of pages they viewed. */
@Repository
public class Visitors {

    /** A page a visitor viewed. */
    public record PageView(String url, String title, Instant at) {
    }

    /** A visitor just registered or found, with the token the widget keeps (new only when it was just issued). */
    public record Registered(Visitor visitor, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TRAIL = 50;

    private final JdbcClient jdbc;

    Visitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visitor holding the token, or a new one (with a new token) when the token is missing or unknown. */
    public Registered findOrRegister(String token, Instant now) {
        if (token != null) {
            Optional<Visitor> known = byToken(token);
            if (known.isPresent()) {
                jdbc.sql("UPDATE chat_visitor SET last_seen_at = :now WHERE id = :id")
                        .param("now", Timestamp.from(now)).param("id", known.get().id()).update();
                return new Registered(known.get(), token);
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        INSERT INTO chat_visitor (token_hash, created_at, last_seen_at) VALUES (:hash, :now, :now)
                        RETURNING id""")
                .param("hash", Sha256.hex(fresh)).param("now", Timestamp.from(now)).query(Long.class).single();
        return new Registered(new Visitor(id, null, null), fresh);
    }

    public Optional<Visitor> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, customer_id, name FROM chat_visitor WHERE token_hash = :hash")
                .param("hash", Sha256.hex(token.strip()))
                .query((rs, n) -> new Visitor(rs.getLong("id"), rs.getObject("customer_id", Long.class),
                        rs.getString("name"))).optional();
    }

    public Optional<Visitor> find(long id) {
        return jdbc.sql("SELECT id, customer_id, name FROM chat_visitor WHERE id = :id").param("id", id)
                .query((rs, n) -> new Visitor(rs.getLong("id"), rs.getObject("customer_id", Long.class),
                        rs.getString("name"))).optional();
    }

    /** The visitors of these chats are still here (their widget holds a stream open, or wrote). */
    public void seen(Collection<Long> chatIds, Instant now) {
        if (chatIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE chat_visitor SET last_seen_at = :now WHERE id IN (SELECT visitor_id FROM chat WHERE id IN (:chats))")
                .param("now", Timestamp.from(now)).param("chats", chatIds).update();
    }

    public boolean seenSince(long visitorId, Instant since) {
        return jdbc.sql("SELECT last_seen_at >= :since FROM chat_visitor WHERE id = :id")
                .param("since", Timestamp.from(since)).param("id", visitorId).query(Boolean.class).single();
    }

    /** Ties the visitor (and her open chats) to the customer. */
    public void tie(long visitorId, long customerId, String name) {
        jdbc.sql("UPDATE chat_visitor SET customer_id = :customer, name = coalesce(:name, name) WHERE id = :id")
                .param("customer", customerId).param("name", name).param("id", visitorId).update();
        jdbc.sql("""
                        UPDATE chat SET customer_id = :customer, version = version + 1
                        WHERE visitor_id = :id AND state <> 'ENDED'""")
                .param("customer", customerId).param("id", visitorId).update();
    }

    public void view(long visitorId, String url, String title, String referrer, Instant at) {
        jdbc.sql("""
                        INSERT INTO chat_page_view (visitor_id, url, title, referrer, at)
                        VALUES (:visitor, :url, :title, :referrer, :at)""")
                .param("visitor", visitorId).param("url", url).param("title", title).param("referrer", referrer)
                .param("at", Timestamp.from(at)).update();
    }

    /** The latest pages she viewed, newest first. */
    public List<PageView> trail(long visitorId) {
        return jdbc.sql("SELECT url, title, at FROM chat_page_view WHERE visitor_id = :visitor ORDER BY at DESC, id DESC LIMIT " + TRAIL)
                .param("visitor", visitorId)
                .query((rs, n) -> new PageView(rs.getString("url"), rs.getString("title"),
                        ChatStore.instant(rs, "at"))).list();
    }
}
