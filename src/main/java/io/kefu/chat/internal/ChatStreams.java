package io.kefu.chat.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.kefu.chat.ChatState;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DaemonThreads;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams open on this node. Whatever a stream sends is read from the database: on a
 * signal (a NOTIFY from any node, see {@link ChatListener}) each stream of the chat is sent what is newer than
 * what it was sent last, one delivery at a time per stream, so order and exactly-once follow from the message
 * {@code seq} and not from the signal. A reconnecting client names the last event it got ({@code Last-Event-ID})
 * and is sent what came after it.
 */
@Component
public class ChatStreams {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);

    private final ChatStore chats;
    private final ChatViews views;
    private final StaffDirectory staff;
    private final ChatProperties properties;
    private final Visitors visitors;
    private final Clock clock;
    private final Map<Long, Set<ChatStream>> byChat = new ConcurrentHashMap<>();
    private final Set<StaffStream> staffStreams = ConcurrentHashMap.newKeySet();
    private final ExecutorService delivery = Executors.newFixedThreadPool(4, DaemonThreads.named("chat-delivery"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("chat-streams-timer"));

    ChatStreams(ChatStore chats, ChatViews views, StaffDirectory staff, Visitors visitors, ChatProperties properties,
                Clock clock) {
        this.chats = chats;
        this.visitors = visitors;
        this.clock = clock;
        this.views = views;
        this.staff = staff;
        this.properties = properties;
        long ping = properties.ping().toMillis();
        timer.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
        long refresh = properties.queueRefresh().toMillis();
        timer.scheduleWithFixedDelay(this::refreshQueued, refresh, refresh, TimeUnit.MILLISECONDS);
    }

    /** A stream of one chat: the visitor's (no staff-only notes) or a staff member's watch. */
    public SseEmitter openChat(long chatId, boolean forStaff, String lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        ChatStream stream = new ChatStream(emitter, chatId, forStaff, parseSeq(lastEventId));
        byChat.computeIfAbsent(chatId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable forget = () -> forget(stream);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        delivery.execute(() -> catchUp(stream));
        return emitter;
    }

    /** The staff stream: her chats and her groups' queues, or with {@code all} every live chat. */
    public SseEmitter openStaff(StaffPrincipal me, boolean all, String lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        StaffStream stream = new StaffStream(emitter, me.id(), all, staff.skillGroupsOf(me.id()),
                parseCursor(lastEventId));
        staffStreams.add(stream);
        Runnable forget = () -> staffStreams.remove(stream);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        delivery.execute(() -> start(stream));
        return emitter;
    }

    /** A chat changed somewhere (a NOTIFY arrived): its streams on this node catch up. */
    void changed(long chatId) {
        Set<ChatStream> streams = byChat.get(chatId);
        if (streams != null) {
            streams.forEach(stream -> delivery.execute(() -> catchUp(stream)));
        }
        if (!staffStreams.isEmpty()) {
            delivery.execute(() -> {
                ChatRecord chat = chats.find(chatId).orElse(null);
                if (chat != null) {
                    staffStreams.forEach(stream -> staffCatchUp(stream, chat));
                }
            });
        }
    }

    /** After the listener lost its connection (and perhaps signals): every stream on this node catches up. */
    void changedAll() {
        byChat.keySet().forEach(this::changed);
        staffStreams.forEach(stream -> delivery.execute(() -> start(stream)));
    }

    /** How many streams are open on this node, for the load figures. */
    public int open() {
        return byChat.values().stream().mapToInt(Set::size).sum() + staffStreams.size();
    }

    private void catchUp(ChatStream stream) {
        synchronized (stream) {
            try {
                for (MessageRecord message : chats.messagesAfter(stream.chatId, stream.lastSeq, stream.forStaff)) {
                    stream.emitter.send(SseEmitter.event().id(Integer.toString(message.seq())).name("message")
                            .data(MessageView.of(message)));
                    stream.lastSeq = message.seq();
                }
                ChatRecord chat = chats.find(stream.chatId).orElse(null);
                if (chat != null) {
                    ChatView view = views.of(chat);
                    if (!view.equals(stream.lastView)) {
                        stream.emitter.send(SseEmitter.event().name("chat").data(view));
                        stream.lastView = view;
                    }
                }
            } catch (IOException | IllegalStateException gone) {
                forget(stream);
            } catch (RuntimeException e) {
                log.warn("Could not deliver chat {} to a stream", stream.chatId, e);
            }
        }
    }

    private void start(StaffStream stream) {
        synchronized (stream) {
            try {
                // An agent with no chats and an empty queue would otherwise get nothing until the first ping, and
                // her browser would not know the stream is open (the headers go out with the first bytes).
                stream.emitter.send(SseEmitter.event().comment("open"));
                List<ChatRecord> relevant = chats.live().stream().filter(stream::concerns).toList();
                if (stream.cursor > 0) {
                    List<MessageRecord> missed = chats.messagesAfterId(relevant.stream().map(ChatRecord::id)
                            .toList(), stream.cursor);
                    for (MessageRecord message : missed) {
                        sendMessage(stream, message);
                    }
                }
                for (ChatRecord chat : relevant) {
                    stream.seqs.merge(chat.id(), chat.lastSeq(), Math::max);
                    sendChat(stream, chat);
                }
                Set<Long> groups = new HashSet<>();
                relevant.stream().filter(chat -> chat.state() == ChatState.QUEUED)
                        .forEach(chat -> groups.add(chat.skillGroupId()));
                for (Long group : groups) {
                    sendQueue(stream, group);
                }
            } catch (IOException | IllegalStateException gone) {
                staffStreams.remove(stream);
            } catch (RuntimeException e) {
                log.warn("Could not start a staff stream", e);
            }
        }
    }

    private void staffCatchUp(StaffStream stream, ChatRecord chat) {
        synchronized (stream) {
            try {
                boolean concerns = stream.concerns(chat);
                if (!concerns && !stream.views.containsKey(chat.id())) {
                    return;
                }
                if (concerns) {
                    int after = stream.seqs.getOrDefault(chat.id(), 0);
                    for (MessageRecord message : chats.messagesAfter(chat.id(), after, true)) {
                        sendMessage(stream, message);
                    }
                }
                sendChat(stream, chat);
                if (!concerns) {
                    stream.views.remove(chat.id());
                    stream.seqs.remove(chat.id());
                }
                if (stream.all || chat.skillGroupId() == null || stream.groups.contains(chat.skillGroupId())) {
                    sendQueue(stream, chat.skillGroupId());
                }
            } catch (IOException | IllegalStateException gone) {
                staffStreams.remove(stream);
            } catch (RuntimeException e) {
                log.warn("Could not deliver chat {} to a staff stream", chat.id(), e);
            }
        }
    }

    private void sendMessage(StaffStream stream, MessageRecord message) throws IOException {
        if (message.seq() <= stream.seqs.getOrDefault(message.chatId(), 0)) {
            return;
        }
        stream.emitter.send(SseEmitter.event().id(Long.toString(Math.max(stream.cursor, message.id())))
                .name("message").data(MessageView.of(message)));
        stream.seqs.put(message.chatId(), message.seq());
        stream.cursor = Math.max(stream.cursor, message.id());
    }

    private void sendChat(StaffStream stream, ChatRecord chat) throws IOException {
        ChatView view = views.of(chat);
        if (!view.equals(stream.views.get(chat.id()))) {
            stream.emitter.send(SseEmitter.event().name("chat").data(view));
            stream.views.put(chat.id(), view);
        }
    }

    private void sendQueue(StaffStream stream, Long groupId) throws IOException {
        Map<String, Object> queue = new HashMap<>();
        queue.put("skillGroupId", groupId);
        queue.put("waiting", chats.waiting(groupId));
        if (!queue.equals(stream.queues.get(groupId))) {
            stream.emitter.send(SseEmitter.event().name("queue").data(queue));
            stream.queues.put(groupId, queue);
        }
    }

    private void ping() {
        try {
            // Visitors with a stream open here are still on the site: their chats are not abandoned.
            visitors.seen(byChat.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().anyMatch(stream -> !stream.forStaff))
                    .map(Map.Entry::getKey).toList(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not record the visitors still connected", e);
        }
        byChat.values().forEach(streams -> streams.forEach(stream -> {
            synchronized (stream) {
                try {
                    stream.emitter.send(SseEmitter.event().comment("ping"));
                } catch (IOException | IllegalStateException gone) {
                    forget(stream);
                }
            }
        }));
        staffStreams.forEach(stream -> {
            synchronized (stream) {
                try {
                    stream.emitter.send(SseEmitter.event().comment("ping"));
                } catch (IOException | IllegalStateException gone) {
                    staffStreams.remove(stream);
                }
            }
        });
    }

    /** Queue positions change when other chats are taken: waiting visitors get theirs again. */
    private void refreshQueued() {
        byChat.values().forEach(streams -> streams.stream()
                .filter(stream -> stream.lastView != null && stream.lastView.state() == ChatState.QUEUED)
                .forEach(stream -> delivery.execute(() -> catchUp(stream))));
    }

    private void forget(ChatStream stream) {
        byChat.computeIfPresent(stream.chatId, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private static int parseSeq(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? 0 : Math.max(0, Integer.parseInt(lastEventId.strip()));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    private static long parseCursor(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    /**
     * Ends every open stream (browsers reconnect, to another node behind a balancer), so that the web server's
     * graceful shutdown does not wait for streams that never end by themselves.
     */
    void completeAll() {
        byChat.values().forEach(streams -> streams.forEach(stream -> stream.emitter.complete()));
        staffStreams.forEach(stream -> stream.emitter.complete());
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        delivery.shutdownNow();
        completeAll();
    }

    /** One open stream of one chat. */
    private static final class ChatStream {
        final SseEmitter emitter;
        final long chatId;
        final boolean forStaff;
        int lastSeq;
        ChatView lastView;

        ChatStream(SseEmitter emitter, long chatId, boolean forStaff, int lastSeq) {
            this.emitter = emitter;
            this.chatId = chatId;
            this.forStaff = forStaff;
            this.lastSeq = lastSeq;
        }
    }

    /** One staff member's stream; the cursor is the greatest message id it was sent. */
    private static final class StaffStream {
        final SseEmitter emitter;
        final long staffId;
        final boolean all;
        final Set<Long> groups;
        long cursor;
        final Map<Long, Integer> seqs = new HashMap<>();
        final Map<Long, ChatView> views = new HashMap<>();
        final Map<Long, Map<String, Object>> queues = new HashMap<>();

        StaffStream(SseEmitter emitter, long staffId, boolean all, Set<Long> groups, long cursor) {
            this.emitter = emitter;
            this.staffId = staffId;
            this.all = all;
            this.groups = Set.copyOf(groups);
            this.cursor = cursor;
        }

        boolean concerns(ChatRecord chat) {
            if (!chat.state().live()) {
                return false;
            }
            return all || Objects.equals(chat.agentId(), staffId) || (chat.state() == ChatState.QUEUED
                    && (chat.skillGroupId() == null || groups.contains(chat.skillGroupId())));
        }
    }
}
