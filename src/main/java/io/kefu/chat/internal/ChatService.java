package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.kefu.chat.ChatState;
import io.kefu.chat.SenderKind;
import io.kefu.customer.CustomerTimeline;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.KnowledgeArticles;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.search.SearchHit;
import io.kefu.sla.BusinessHours;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Everything that happens in a chat, on the visitor's side and the agent's, and the one place its state changes:
 * every move is checked with {@link ChatState#canMoveTo}, made under the chat's row lock together with the messages
 * it writes, and signalled to every node when the transaction commits. The visitor as a person (who she is, the
 * pages she views) is {@link ChatVisitors}'; what a chat says, {@link ChatTexts}'.
 */
@Service
@Transactional
public class ChatService {

    /** A message posted, and whether it repeats an earlier post with the same clientId (nothing new stored). */
    public record Posted(MessageRecord message, boolean repeat) {
    }

    private static final int MAX_TEXT = 4000;

    private final ChatStore chats;
    private final Visitors visitors;
    private final ChatSettingsStore settings;
    private final ChatBot bot;
    private final ChatSignals signals;
    private final ChatFiles files;
    private final BusinessHours hours;
    private final CustomerTimeline timeline;
    private final TicketInbox tickets;
    private final KnowledgeArticles articles;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final ChatTexts texts;
    private final Clock clock;

    ChatService(ChatStore chats, Visitors visitors, ChatSettingsStore settings, ChatBot bot, ChatSignals signals,
                ChatFiles files, BusinessHours hours, CustomerTimeline timeline, TicketInbox tickets,
                KnowledgeArticles articles, StaffDirectory staff, JdbcClient jdbc, ChatTexts texts, Clock clock) {
        this.chats = chats;
        this.visitors = visitors;
        this.settings = settings;
        this.bot = bot;
        this.signals = signals;
        this.files = files;
        this.hours = hours;
        this.timeline = timeline;
        this.tickets = tickets;
        this.articles = articles;
        this.staff = staff;
        this.jdbc = jdbc;
        this.texts = texts;
        this.clock = clock;
    }

    // ---- the visitor's side

    /**
     * Opens a chat with the bot (or resumes her open one). A menu choice mapped to a skill group goes straight to
     * that group's queue while the office is open.
     */
    public ChatRecord start(Visitor visitor, String menuKey, Locale locale) {
        Optional<ChatRecord> open = chats.openOf(visitor.id());
        if (open.isPresent()) {
            return open.get();
        }
        ChatSettings current = settings.current();
        String key = Text.blankToNull(menuKey);
        ChatSettings.MenuItem item = key == null ? null : current.menuItem(key);
        if (key != null && item == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "menuKey", "chat.noSuchMenuItem", key);
        }
        Instant now = clock.instant();
        long id = chats.insert(visitor.id(), visitor.customerId(), locale.toLanguageTag(), key, now);
        ChatRecord chat = chats.lock(id).orElseThrow();
        if (!hours.isOpenAt(current.calendarId(), now)) {
            botSays(chat, texts.text(chat, "chat.bot.closed"), null);
            chats.update(id, Map.of("overflow", "CALLBACK"));
        } else if (item != null && item.skillGroupId() != null) {
            queue(chats.lock(id).orElseThrow(), item.skillGroupId(), current);
        } else {
            botSays(chat, texts.text(chat, "chat.bot.hello"), null);
        }
        signals.changed(id);
        return chats.find(id).orElseThrow();
    }

    public Posted visitorMessage(Visitor visitor, long chatId, String clientId, String text) {
        ChatRecord chat = own(visitor, chatId);
        return once(chatId, SenderKind.VISITOR, clientId, client -> {
            String body = messageText(text);
            requireLive(chat);
            MessageRecord message = chats.append(chatId, SenderKind.VISITOR, null, visitor.name(), body, false,
                    null, null, client, clock.instant());
            visitors.seen(List.of(chatId), clock.instant());
            if (chat.state() == ChatState.BOT) {
                answer(chat, body);
            }
            return message;
        });
    }

    public Posted visitorFile(Visitor visitor, long chatId, String clientId, MultipartFile file) {
        ChatRecord chat = own(visitor, chatId);
        return once(chatId, SenderKind.VISITOR, clientId, client -> {
            requireLive(chat);
            return chats.append(chatId, SenderKind.VISITOR, null, visitor.name(), "", false, files.keep(file), null,
                    client, clock.instant());
        });
    }

    /**
     * Stores a sender's message once per clientId: a repeated post answers the message stored first and stores
     * nothing; otherwise {@code append} stores it (given the checked clientId) and the chat's streams are told.
     */
    private Posted once(long chatId, SenderKind sender, String clientId, Function<String, MessageRecord> append) {
        String client = clientId(clientId);
        Optional<MessageRecord> earlier = chats.byClientId(chatId, sender, client);
        if (earlier.isPresent()) {
            return new Posted(earlier.get(), true);
        }
        MessageRecord message = append.apply(client);
        signals.changed(chatId);
        return new Posted(message, false);
    }

    /** The visitor asks for a person: the chat joins the queue, or overflows, or (office closed) gets a callback. */
    public ChatRecord handoff(Visitor visitor, long chatId) {
        ChatRecord chat = own(visitor, chatId);
        requireLive(chat);
        if (chat.state() == ChatState.BOT) {
            ChatSettings current = settings.current();
            if (!hours.isOpenAt(current.calendarId(), clock.instant())) {
                if (!"CALLBACK".equals(chat.overflow())) {
                    botSays(chat, texts.text(chat, "chat.bot.closed"), null);
                    chats.update(chatId, Map.of("overflow", "CALLBACK"));
                }
            } else {
                queue(chat, groupOf(chat, current), current);
            }
            signals.changed(chatId);
        }
        return chats.find(chatId).orElseThrow();
    }

    public ChatRecord endByVisitor(Visitor visitor, long chatId) {
        ChatRecord chat = own(visitor, chatId);
        if (chat.state().live()) {
            end(chat);
        }
        return chats.find(chatId).orElseThrow();
    }

    /** The visitor's 1..5 rating, once, after the chat ended; it goes on the customer's timeline. */
    public ChatRecord rate(Visitor visitor, long chatId, Integer score, String comment) {
        ChatRecord chat = own(visitor, chatId);
        if (score == null || score < 1 || score > 5) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "score", "chat.scoreRange");
        }
        if (chat.state() != ChatState.ENDED) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.notEnded");
        }
        if (chat.rating() != null) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.alreadyRated");
        }
        String remark = Text.truncate(Text.blankToNull(comment), 2000);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("rating", score);
        changes.put("rating_comment", remark);
        chats.update(chatId, changes);
        if (chat.customerId() != null) {
            timeline.addByCustomer(chat.customerId(), "chat.rated", "★".repeat(score) + "☆".repeat(5 - score)
                    + (remark == null ? "" : " " + Text.truncate(remark, 200)), TicketChannel.CHAT.name());
        }
        signals.changed(chatId);
        return chats.find(chatId).orElseThrow();
    }

    /** The visitor's chat, locked; anyone else's is answered as not found. */
    public ChatRecord own(Visitor visitor, long chatId) {
        return chats.lock(chatId).filter(chat -> chat.visitorId() == visitor.id())
                .orElseThrow(() -> DomainException.notFound("chat", chatId));
    }

    /**
     * Ends a chat with the bot or in the queue whose visitor left (not seen since the instant): she no longer waits,
     * so the queue and its estimates are not held up. Answers whether it ended it.
     */
    public boolean endIfAbandoned(long chatId, Instant seenBefore) {
        ChatRecord chat = chats.lock(chatId).orElse(null);
        if (chat == null || (chat.state() != ChatState.BOT && chat.state() != ChatState.QUEUED)
                || visitors.seenSince(chat.visitorId(), seenBefore)) {
            return false;
        }
        end(chat);
        return true;
    }

    // ---- the agent's side

    /** Whether the staff member may see the chat: her own, her groups' (and those of no group), or all for supervisors. */
    @Transactional(readOnly = true)
    public boolean visible(StaffPrincipal me, ChatRecord chat) {
        return me.can(Permission.CHAT_SUPERVISE) || Long.valueOf(me.id()).equals(chat.agentId())
                || chat.skillGroupId() == null || staff.skillGroupsOf(me.id()).contains(chat.skillGroupId());
    }

    @Transactional(readOnly = true)
    public ChatRecord seen(StaffPrincipal me, long chatId) {
        return chats.find(chatId).filter(chat -> visible(me, chat))
                .orElseThrow(() -> DomainException.notFound("chat", chatId));
    }

    /** Takes a waiting chat: refused with 409 when someone took it first or she is at her limit. */
    public ChatRecord take(StaffPrincipal me, long chatId) {
        ChatRecord chat = seen(me, chatId);
        lockChatsOf(me.id());
        if (chats.countActive(me.id()) >= settings.current().maxChatsPerAgent()) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.atLimit", settings.current().maxChatsPerAgent());
        }
        if (!chats.take(chatId, me.id(), clock.instant())) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.alreadyTaken");
        }
        chat = chats.lock(chatId).orElseThrow();
        system(chat, texts.text(chat, "chat.system.accepted", me.displayName()), false);
        signals.changed(chatId);
        return chats.find(chatId).orElseThrow();
    }

    /** A colleague is handed a chat only below her limit, as if she had taken it herself. */
    private void requireRoomFor(StaffDirectory.StaffSummary colleague) {
        lockChatsOf(colleague.id());
        int limit = settings.current().maxChatsPerAgent();
        if (chats.countActive(colleague.id()) >= limit) {
            throw DomainException.onField(HttpStatus.CONFLICT, "toStaffId", "chat.colleagueAtLimit",
                    colleague.displayName(), limit);
        }
    }

    /** One take or transfer at a time per agent on every node, so two cannot both pass her limit. */
    private void lockChatsOf(long staffId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "chat-agent:" + staffId).query()
                .singleValue();
    }

    public Posted agentMessage(StaffPrincipal me, long chatId, String clientId, String text, Long articleId) {
        held(me, chatId);
        return once(chatId, SenderKind.AGENT, clientId, client -> {
            List<MessageRecord.ArticleRef> refs = null;
            String body;
            if (articleId != null) {
                KnowledgeArticles.PublishedArticle article = articles.published(articleId)
                        .orElseThrow(() -> DomainException.notFound("article", articleId));
                articles.recordReplyUse(articleId);
                refs = List.of(new MessageRecord.ArticleRef(article.id(), article.title(),
                        "/help/articles/" + article.id()));
                body = Text.blankToNull(text) == null ? article.title() : messageText(text);
            } else {
                body = messageText(text);
            }
            return chats.append(chatId, SenderKind.AGENT, me.id(), me.displayName(), body, false, null, refs, client,
                    clock.instant());
        });
    }

    public Posted agentFile(StaffPrincipal me, long chatId, String clientId, MultipartFile file) {
        held(me, chatId);
        return once(chatId, SenderKind.AGENT, clientId, client -> chats.append(chatId, SenderKind.AGENT, me.id(),
                me.displayName(), "", false, files.keep(file), null, client, clock.instant()));
    }

    /** Hands the chat to a colleague, or back to a group's queue; the note is for staff only. */
    public ChatRecord transfer(StaffPrincipal me, long chatId, Long toStaffId, Long toGroupId, String note) {
        ChatRecord chat = held(me, chatId);
        if ((toStaffId == null) == (toGroupId == null)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "chat.transferTarget");
        }
        Instant now = clock.instant();
        Map<String, Object> changes = new LinkedHashMap<>();
        String target;
        if (toStaffId != null) {
            StaffDirectory.StaffSummary colleague = staff.find(toStaffId).filter(StaffDirectory.StaffSummary::enabled)
                    .orElseThrow(() -> DomainException.onField(HttpStatus.BAD_REQUEST, "toStaffId",
                            "chat.noSuchAgent", toStaffId));
            requireRoomFor(colleague);
            changes.put("agent_id", colleague.id());
            changes.put("accepted_at", now);
            target = colleague.displayName();
        } else {
            StaffDirectory.SkillGroupSummary group = staff.skillGroup(toGroupId).orElseThrow(() ->
                    DomainException.onField(HttpStatus.BAD_REQUEST, "toSkillGroupId", "chat.settings.noSuchGroup",
                            toGroupId));
            move(chat, ChatState.QUEUED);
            changes.put("state", ChatState.QUEUED);
            changes.put("skill_group_id", group.id());
            changes.put("agent_id", null);
            changes.put("queued_at", now);
            changes.put("accepted_at", null);
            target = group.name();
        }
        chats.update(chatId, changes);
        String remark = Text.truncate(Text.blankToNull(note), 2000);
        if (remark != null) {
            chats.append(chatId, SenderKind.SYSTEM, me.id(), me.displayName(),
                    texts.text(chat, "chat.system.transferNote", target, remark), true, null, null, null, now);
        }
        system(chat, texts.text(chat, "chat.system.transferred"), false);
        signals.changed(chatId);
        return chats.find(chatId).orElseThrow();
    }

    public ChatRecord endByAgent(StaffPrincipal me, long chatId) {
        ChatRecord chat = me.can(Permission.CHAT_SUPERVISE) ? locked(me, chatId) : held(me, chatId);
        if (chat.state().live()) {
            end(chat);
        }
        return chats.find(chatId).orElseThrow();
    }

    /** A ticket with the chat's transcript, for the chat's customer; asked again, the same ticket. */
    public long toTicket(StaffPrincipal me, long chatId) {
        ChatRecord chat = locked(me, chatId);
        if (chat.ticketId() != null) {
            return chat.ticketId();
        }
        if (chat.customerId() == null) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "chat.noCustomer");
        }
        String transcript = texts.transcript(chat);
        String subject = Text.truncate(texts.text(chat, "chat.ticket.subject", chat.id()), 200);
        long ticketId = tickets.receive(CustomerMessage.text(chat.customerId(), TicketChannel.CHAT, null, subject,
                transcript.isBlank() ? subject : transcript, visitors.find(chat.visitorId()).map(Visitor::name)
                        .orElse(null))).ticketId();
        chats.update(chatId, Map.of("ticket_id", ticketId));
        signals.changed(chatId);
        return ticketId;
    }

    // ---- moves

    private void answer(ChatRecord chat, String question) {
        ChatSettings current = settings.current();
        if (!hours.isOpenAt(current.calendarId(), clock.instant())) {
            botSays(chat, texts.text(chat, "chat.bot.closed"), null);
            chats.update(chat.id(), Map.of("overflow", "CALLBACK"));
            return;
        }
        if (texts.asksForPerson(question)) {
            queue(chat, groupOf(chat, current), current);
            return;
        }
        ChatBot.Reading reading = bot.read(question, current.botConfidence());
        if (reading.confident()) {
            SearchHit best = reading.hits().get(0);
            botSays(chat, best.title() + "\n" + plain(best.snippet()), List.of(ref(best)));
            return;
        }
        int misses = chat.botMisses() + 1;
        chats.update(chat.id(), Map.of("bot_misses", misses));
        if (misses >= 2) {
            queue(chats.lock(chat.id()).orElseThrow(), groupOf(chat, current), current);
            return;
        }
        botSays(chat, texts.text(chat, reading.hits().isEmpty() ? "chat.bot.noAnswer" : "chat.bot.choices"),
                reading.hits().stream().map(ChatService::ref).toList());
    }

    /**
     * Puts the chat in the group's queue (null: the queue of every agent); more than the overflow limit waiting
     * sends it to the overflow group, or offers a callback when there is none.
     */
    private void queue(ChatRecord chat, Long groupId, ChatSettings current) {
        Long group = groupId;
        String overflow = null;
        if (chats.waiting(group) >= current.overflowLimit()) {
            if (current.overflowGroupId() != null && !current.overflowGroupId().equals(group)) {
                group = current.overflowGroupId();
                overflow = "ROUTED";
            } else {
                botSays(chat, texts.text(chat, "chat.bot.callback"), null);
                chats.update(chat.id(), Map.of("overflow", "CALLBACK"));
                return;
            }
        }
        move(chat, ChatState.QUEUED);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", ChatState.QUEUED);
        changes.put("skill_group_id", group);
        changes.put("queued_at", clock.instant());
        changes.put("overflow", overflow);
        chats.update(chat.id(), changes);
        system(chat, texts.text(chat, "chat.system.queued"), false);
    }

    private void end(ChatRecord chat) {
        move(chat, ChatState.ENDED);
        Instant now = clock.instant();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", ChatState.ENDED);
        changes.put("ended_at", now);
        chats.update(chat.id(), changes);
        system(chat, texts.text(chat, "chat.system.ended"), false);
        if (chat.customerId() != null) {
            timeline.add(chat.customerId(), "chat.ended", texts.summary(chat), TicketChannel.CHAT.name());
        }
        signals.changed(chat.id());
    }

    private static void move(ChatRecord chat, ChatState next) {
        if (!chat.state().canMoveTo(next)) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.cannotMove", chat.state(), next);
        }
    }

    // ---- helpers

    private ChatRecord held(StaffPrincipal me, long chatId) {
        ChatRecord chat = locked(me, chatId);
        if (chat.state() != ChatState.ACTIVE || !Long.valueOf(me.id()).equals(chat.agentId())) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.notYours");
        }
        return chat;
    }

    private ChatRecord locked(StaffPrincipal me, long chatId) {
        return chats.lock(chatId).filter(chat -> visible(me, chat))
                .orElseThrow(() -> DomainException.notFound("chat", chatId));
    }

    private Long groupOf(ChatRecord chat, ChatSettings current) {
        ChatSettings.MenuItem item = chat.menuKey() == null ? null : current.menuItem(chat.menuKey());
        return item == null ? null : item.skillGroupId();
    }

    private void requireLive(ChatRecord chat) {
        if (!chat.state().live()) {
            throw new DomainException(HttpStatus.CONFLICT, "chat.ended");
        }
    }

    private void botSays(ChatRecord chat, String text, List<MessageRecord.ArticleRef> refs) {
        chats.append(chat.id(), SenderKind.BOT, null, texts.text(chat, "chat.bot.name"), text, false, null, refs, null,
                clock.instant());
    }

    private void system(ChatRecord chat, String text, boolean staffOnly) {
        chats.append(chat.id(), SenderKind.SYSTEM, null, null, text, staffOnly, null, null, null, clock.instant());
    }

    private static String clientId(String clientId) {
        String value = Text.blankToNull(clientId);
        if (value == null || value.length() > 64) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "clientId", "chat.clientIdRequired");
        }
        return value;
    }

    /** A message's text, required and at most {@value #MAX_TEXT} characters. */
    static String messageText(String text) {
        String value = Text.blankToNull(text);
        if (value == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "text", "chat.textRequired");
        }
        if (value.length() > MAX_TEXT) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "text", "chat.textTooLong", MAX_TEXT);
        }
        return value;
    }

    private static MessageRecord.ArticleRef ref(SearchHit hit) {
        return new MessageRecord.ArticleRef(hit.id(), hit.title(), "/help/articles/" + hit.id());
    }

    /** The search snippet without its highlight marks, unescaped: the widget shows it as text. */
    private static String plain(String snippet) {
        return snippet.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
