package io.kefu.chat.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kefu.chat.AgentStatus;
import io.kefu.chat.internal.ChatFiles;
import io.kefu.chat.internal.ChatRecord;
import io.kefu.chat.internal.MessageRecord;
import io.kefu.chat.internal.ChatService;
import io.kefu.chat.internal.ChatSettings;
import io.kefu.chat.internal.ChatSettingsStore;
import io.kefu.chat.internal.ChatStore;
import io.kefu.chat.internal.ChatStreams;
import io.kefu.chat.internal.ChatView;
import io.kefu.chat.internal.ChatViews;
import io.kefu.chat.internal.MessageView;
import io.kefu.chat.internal.Presence;
import io.kefu.chat.internal.Visitor;
import io.kefu.chat.internal.Visitors;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The agents' and supervisors' side of live chat: presence, the queue, chats, streams and settings. */
@RestController
@RequestMapping("/api/v1/chat")
@Tag(name = "Live chat: agents")
class ChatApiController {

    record PresenceRequest(AgentStatus status) {
    }

    record PresenceView(AgentStatus status, int activeChats, int maxChats) {
    }

    record MessageRequest(String clientId, String text, Long articleId) {
    }

    record TransferRequest(Long toStaffId, Long toSkillGroupId, String note) {
    }

    record PageViewView(String url, String title, Instant at) {
    }

    record VisitorView(long id, String name, Long customerId, List<PageViewView> pageViews) {
    }

    record ChatDetail(ChatView chat, VisitorView visitor, List<MessageView> messages) {
    }

    private final ChatService service;
    private final ChatStore chats;
    private final ChatViews views;
    private final ChatStreams streams;
    private final Presence presence;
    private final Visitors visitors;
    private final ChatSettingsStore settings;
    private final StaffDirectory staff;
    private final ChatFiles files;
    private final Clock clock;

    ChatApiController(ChatService service, ChatStore chats, ChatViews views, ChatStreams streams, Presence presence,
                      Visitors visitors, ChatSettingsStore settings, StaffDirectory staff, ChatFiles files,
                      Clock clock) {
        this.files = files;
        this.service = service;
        this.chats = chats;
        this.views = views;
        this.streams = streams;
        this.presence = presence;
        this.visitors = visitors;
        this.settings = settings;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/presence")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    PresenceView presence(@AuthenticationPrincipal StaffPrincipal me) {
        return presenceOf(me);
    }

    @PutMapping("/presence")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    @Transactional
    PresenceView setPresence(@AuthenticationPrincipal StaffPrincipal me, @RequestBody PresenceRequest body) {
        if (body.status() == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "status", "chat.statusRequired");
        }
        presence.set(me.id(), body.status(), clock.instant());
        return presenceOf(me);
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    List<ChatView> queue(@AuthenticationPrincipal StaffPrincipal me) {
        return chats.queued(staff.skillGroupsOf(me.id()), me.can(Permission.CHAT_SUPERVISE)).stream()
                .map(views::of).toList();
    }

    @GetMapping("/chats")
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    List<ChatView> chats(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "mine") String scope) {
        if ("all".equals(scope)) {
            if (!me.can(Permission.CHAT_SUPERVISE)) {
                throw new AccessDeniedException("scope=all");
            }
            return chats.live().stream().map(views::of).toList();
        }
        return chats.activeOf(me.id()).stream().map(views::of).toList();
    }

    @GetMapping("/chats/{id}")
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    ChatDetail chat(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        ChatRecord chat = service.seen(me, id);
        Visitor visitor = visitors.find(chat.visitorId()).orElseThrow();
        return new ChatDetail(views.of(chat), new VisitorView(visitor.id(), visitor.name(), visitor.customerId(),
                visitors.trail(visitor.id()).stream().map(v -> new PageViewView(v.url(), v.title(), v.at())).toList()),
                chats.messagesAfter(id, 0, true).stream().map(MessageView::of).toList());
    }

    @PostMapping("/chats/{id}/take")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    ChatView take(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return views.of(service.take(me, id));
    }

    @PostMapping("/chats/{id}/messages")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    ResponseEntity<MessageView> message(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                                        @RequestBody MessageRequest body) {
        return MessageView.answering(service.agentMessage(me, id, body.clientId(), body.text(), body.articleId()));
    }

    @PostMapping("/chats/{id}/files")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    ResponseEntity<MessageView> file(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                                     @RequestParam("file") MultipartFile file, @RequestParam String clientId) {
        return MessageView.answering(service.agentFile(me, id, clientId, file));
    }

    @PostMapping("/chats/{id}/transfer")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    ChatView transfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                      @RequestBody TransferRequest body) {
        return views.of(service.transfer(me, id, body.toStaffId(), body.toSkillGroupId(), body.note()));
    }

    @PostMapping("/chats/{id}/end")
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    ChatView end(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return views.of(service.endByAgent(me, id));
    }

    @PostMapping("/chats/{id}/ticket")
    @PreAuthorize("hasAuthority('CHAT_AGENT') and hasAuthority('TICKET_WRITE')")
    ResponseEntity<Map<String, Long>> ticket(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ticketId", service.toTicket(me, id)));
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    SseEmitter events(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "mine") String scope,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        boolean all = "all".equals(scope);
        if (all && !me.can(Permission.CHAT_SUPERVISE)) {
            throw new AccessDeniedException("scope=all");
        }
        return streams.openStaff(me, all, lastEventId);
    }

    @GetMapping(path = "/chats/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    SseEmitter chatEvents(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.openChat(service.seen(me, id).id(), true, lastEventId);
    }

    /** A file of a chat she may see (the widget's download needs a session; this one takes an API token too). */
    @GetMapping("/files/{messageId}")
    @PreAuthorize("hasAuthority('CHAT_AGENT') or hasAuthority('CHAT_SUPERVISE')")
    ResponseEntity<Resource> file(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long messageId)
            throws IOException {
        MessageRecord message = chats.message(messageId).filter(m -> m.file() != null)
                .filter(m -> chats.find(m.chatId()).map(c -> service.visible(me, c)).orElse(false))
                .orElseThrow(() -> DomainException.notFound("file", messageId));
        return ChatFileResponses.serve(files, message);
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('CHAT_MANAGE')")
    ChatSettings settings() {
        return settings.current();
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('CHAT_MANAGE')")
    ChatSettings updateSettings(@RequestBody ChatSettings body) {
        return settings.update(body);
    }

    private PresenceView presenceOf(StaffPrincipal me) {
        return new PresenceView(presence.of(me.id()), chats.countActive(me.id()), settings.current().maxChatsPerAgent());
    }
}
