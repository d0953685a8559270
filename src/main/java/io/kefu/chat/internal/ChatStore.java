package io.kefu.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.chat.ChatState;
import io.kefu.chat.SenderKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Chats and their messages in the database. */
@Repository
public class ChatStore {

    private static final TypeReference<List<MessageRecord.ArticleRef>> ARTICLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(long visitorId, Long customerId, String locale, String menuKey, Instant now) {
        return jdbc.sql("""
                        INSERT INTO chat (visitor_id, customer_id, state, locale, menu_key, started_at)
                        VALUES (:visitor, :customer, 'BOT', :locale, :menu, :now) RETURNING id""")
                .param("visitor", visitorId).param("customer", customerId).param("locale", locale)
                .param("menu", menuKey).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    public Optional<ChatRecord> find(long id) {
        return jdbc.sql("SELECT * FROM chat WHERE id = :id").param("id", id).query(ChatStore::chat).optional();
    }

    /** The chat locked for a change: changes of one chat (and its message seq) are made one at a time. */
    public Optional<ChatRecord> lock(long id) {
        return jdbc.sql("SELECT * FROM chat WHERE id = :id FOR UPDATE").param("id", id).query(ChatStore::chat)
                .optional();
    }

    public Optional<ChatRecord> openOf(long visitorId) {
        return jdbc.sql("SELECT * FROM chat WHERE visitor_id = :visitor AND state <> 'ENDED' ORDER BY id DESC LIMIT 1")
                .param("visitor", visitorId).query(ChatStore::chat).optional();
    }

    /**
     * Stores a change of the chat; the columns named in {@code changes} are set and the version bumped. Only the
     * chat service calls this, after checking the move with {@link ChatState#canMoveTo}.
     */
    public void update(long id, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("UPDATE chat SET version = version + 1");
        changes.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" WHERE id = :id").toString()).param("id", id);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue() instanceof Instant at ? Timestamp.from(at)
                    : change.getValue() instanceof Enum<?> e ? e.name() : change.getValue();
            statement = statement.param(change.getKey(), value);
        }
        statement.update();
    }

    /** Takes a waiting chat for the agent, unless someone took it first: one UPDATE decides between racing agents. */
    public boolean take(long id, long agentId, Instant now) {
        return jdbc.sql("""
                        UPDATE chat SET state = 'ACTIVE', agent_id = :agent, accepted_at = :now, overflow = NULL,
                            version = version + 1
                        WHERE id = :id AND state = 'QUEUED'""")
                .param("id", id).param("agent", agentId).param("now", Timestamp.from(now)).update() == 1;
    }

    public Optional<MessageRecord> byClientId(long chatId, SenderKind kind, String clientId) {
        return jdbc.sql("SELECT * FROM chat_message WHERE chat_id = :chat AND sender_kind = :kind AND client_id = :client")
                .param("chat", chatId).param("kind", kind.name()).param("client", clientId)
                .query(this::toMessage).optional();
    }

    /** Appends a message with the chat's next seq; the caller holds the chat's lock ({@link #lock}). */
    public MessageRecord append(long chatId, SenderKind kind, Long senderId, String senderName, String text,
                                boolean staffOnly, MessageRecord.FileRef file, List<MessageRecord.ArticleRef> articles,
                                String clientId, Instant now) {
        int seq = jdbc.sql("UPDATE chat SET last_seq = last_seq + 1 WHERE id = :id RETURNING last_seq")
                .param("id", chatId).query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO chat_message (chat_id, seq, sender_kind, sender_id, sender_name, text, staff_only,
                            file_name, file_size, file_type, file_sha256, articles, client_id, created_at)
                        VALUES (:chat, :seq, :kind, :sender, :name, :text, :staffOnly, :fileName, :fileSize,
                            :fileType, :sha, CAST(:articles AS jsonb), :client, :now) RETURNING id""")
                .param("chat", chatId).param("seq", seq).param("kind", kind.name()).param("sender", senderId)
                .param("name", senderName).param("text", text == null ? "" : text).param("staffOnly", staffOnly)
                .param("fileName", file == null ? null : file.name())
                .param("fileSize", file == null ? null : file.size())
                .param("fileType", file == null ? null : file.contentType())
                .param("sha", file == null ? null : file.sha256())
                .param("articles", articles == null || articles.isEmpty() ? null : json.writeValueAsString(articles))
                .param("client", clientId).param("now", Timestamp.from(now))
                .query(Long.class).single();
        return new MessageRecord(id, chatId, seq, kind, senderId, senderName, text == null ? "" : text, staffOnly,
                file, articles == null || articles.isEmpty() ? null : List.copyOf(articles), clientId, now);
    }

    /** Messages after the given seq, in order; staff-only notes only when asked for. */
    public List<MessageRecord> messagesAfter(long chatId, int afterSeq, boolean withStaffOnly) {
        return jdbc.sql("SELECT * FROM chat_message WHERE chat_id = :chat AND seq > :after"
                        + (withStaffOnly ? "" : " AND NOT staff_only") + " ORDER BY seq")
                .param("chat", chatId).param("after", afterSeq).query(this::toMessage).list();
    }

    public Optional<MessageRecord> message(long messageId) {
        return jdbc.sql("SELECT * FROM chat_message WHERE id = :id").param("id", messageId).query(this::toMessage)
                .optional();
    }

    /** Messages of these chats with a global id above the cursor, oldest first: a staff stream's replay. */
    public List<MessageRecord> messagesAfterId(Collection<Long> chatIds, long afterId) {
        if (chatIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM chat_message WHERE chat_id IN (:chats) AND id > :after ORDER BY id")
                .param("chats", chatIds).param("after", afterId).query(this::toMessage).list();
    }

    /** Waiting chats of the groups (null in the set: chats of no group), oldest first. */
    public List<ChatRecord> queued(Collection<Long> groupIds, boolean everyGroup) {
        if (everyGroup) {
            return jdbc.sql("SELECT * FROM chat WHERE state = 'QUEUED' ORDER BY queued_at, id").query(ChatStore::chat)
                    .list();
        }
        return jdbc.sql("""
                        SELECT * FROM chat WHERE state = 'QUEUED'
                          AND (skill_group_id IS NULL OR skill_group_id IN (:groups)) ORDER BY queued_at, id""")
                .param("groups", groupIds.isEmpty() ? List.of(-1L) : groupIds).query(ChatStore::chat).list();
    }

    /** Chats with the bot or in a queue whose visitor was last seen before the instant. */
    public List<Long> abandoned(Instant seenBefore) {
        return jdbc.sql("""
                        SELECT c.id FROM chat c JOIN chat_visitor v ON v.id = c.visitor_id
                        WHERE c.state IN ('BOT', 'QUEUED') AND v.last_seen_at < :before ORDER BY c.id LIMIT 500""")
                .param("before", Timestamp.from(seenBefore)).query(Long.class).list();
    }

    public List<ChatRecord> live() {
        return jdbc.sql("SELECT * FROM chat WHERE state <> 'ENDED' ORDER BY started_at, id").query(ChatStore::chat)
                .list();
    }

    public List<ChatRecord> activeOf(long agentId) {
        return jdbc.sql("SELECT * FROM chat WHERE state = 'ACTIVE' AND agent_id = :agent ORDER BY accepted_at, id")
                .param("agent", agentId).query(ChatStore::chat).list();
    }

    public int countActive(long agentId) {
        return jdbc.sql("SELECT count(*) FROM chat WHERE state = 'ACTIVE' AND agent_id = :agent")
                .param("agent", agentId).query(Integer.class).single();
    }

    /** Chats waiting in the group (null: chats of no group) queued before this one, plus one. */
    public int position(ChatRecord chat) {
        return jdbc.sql("""
                        SELECT count(*) + 1 FROM chat WHERE state = 'QUEUED'
                          AND skill_group_id IS NOT DISTINCT FROM :group
                          AND (queued_at, id) < (:queuedAt, :id)""")
                .param("group", chat.skillGroupId()).param("queuedAt", Timestamp.from(chat.queuedAt()))
                .param("id", chat.id()).query(Integer.class).single();
    }

    public int waiting(Long groupId) {
        return jdbc.sql("SELECT count(*) FROM chat WHERE state = 'QUEUED' AND skill_group_id IS NOT DISTINCT FROM :group")
                .param("group", groupId).query(Integer.class).single();
    }

    /** The average time from acceptance to end of the group's chats ended since the instant, if any ended. */
    public Optional<Double> averageHandlingSeconds(Long groupId, Instant since) {
        double seconds = jdbc.sql("""
                        SELECT coalesce(avg(EXTRACT(EPOCH FROM ended_at - accepted_at)), -1) FROM chat
                        WHERE state = 'ENDED' AND accepted_at IS NOT NULL AND ended_at >= :since
                          AND skill_group_id IS NOT DISTINCT FROM :group""")
                .param("since", Timestamp.from(since)).param("group", groupId).query(Double.class).single();
        return seconds < 0 ? Optional.empty() : Optional.of(seconds);
    }

    private static ChatRecord chat(ResultSet rs, int row) throws SQLException {
        return new ChatRecord(rs.getLong("id"), rs.getLong("visitor_id"), rs.getObject("customer_id", Long.class),
                ChatState.valueOf(rs.getString("state")), rs.getString("locale"), rs.getString("menu_key"),
                rs.getObject("skill_group_id", Long.class), rs.getObject("agent_id", Long.class),
                instant(rs, "started_at"), instant(rs, "queued_at"), instant(rs, "accepted_at"),
                instant(rs, "ended_at"), rs.getObject("rating", Integer.class), rs.getString("rating_comment"),
                rs.getObject("ticket_id", Long.class), rs.getInt("bot_misses"), rs.getString("overflow"),
                rs.getInt("last_seq"), rs.getInt("version"));
    }

    private MessageRecord toMessage(ResultSet rs, int row) throws SQLException {
        String sha = rs.getString("file_sha256");
        MessageRecord.FileRef file = sha == null ? null : new MessageRecord.FileRef(rs.getString("file_name"),
                rs.getLong("file_size"), rs.getString("file_type"), sha);
        String articles = rs.getString("articles");
        return new MessageRecord(rs.getLong("id"), rs.getLong("chat_id"), rs.getInt("seq"),
                SenderKind.valueOf(rs.getString("sender_kind")), rs.getObject("sender_id", Long.class),
                rs.getString("sender_name"), rs.getString("text"), rs.getBoolean("staff_only"), file,
                articles == null ? null : json.readValue(articles, ARTICLES), rs.getString("client_id"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
