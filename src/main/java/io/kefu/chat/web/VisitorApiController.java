package io.kefu.chat.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.chat.internal.ChatRecord;
import io.kefu.chat.internal.ChatService;
import io.kefu.chat.internal.ChatVisitors;
import io.kefu.chat.internal.ChatSettings;
import io.kefu.chat.internal.ChatStore;
import io.kefu.chat.internal.ChatStreams;
import io.kefu.chat.internal.ChatView;
import io.kefu.chat.internal.ChatViews;
import io.kefu.chat.internal.ChatFiles;
import io.kefu.chat.internal.MessageRecord;
import io.kefu.chat.internal.MessageView;
import io.kefu.chat.internal.Visitor;
import io.kefu.chat.internal.VisitorLimits;
import io.kefu.chat.internal.Visitors;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.portal.PortalCustomer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's API: no staff sign-in; the visitor token ({@code X-Kefu-Visitor}) is the credential. Every answer
 * and every problem is in the request's language.
 */
@RestController
@RequestMapping("/chat/api")
@Tag(name = "Live chat: visitor")
class VisitorApiController {

    /** The widget's visible texts, each {@code chat.widget.<name>} in the messages. */
    static final List<String> WIDGET_TEXTS = List.of("title", "open", "close", "send", "placeholder", "menuPrompt",
            "handoff", "upload", "end", "ended", "rateTitle", "rateComment", "rateSend", "rateThanks", "contactTitle",
            "contactName", "contactPhone", "contactEmail", "contactSend", "contactSaved", "leaveTitle", "leaveText",
            "leaveSend", "leaveSent", "queue", "offline", "reconnecting", "articles", "agentJoined", "you");

    record PageInput(String url, String title, String referrer) {
    }

    record VisitRequest(String visitorToken, String identityToken, PageInput page) {
    }

    record MenuEntry(String key, String label) {
    }

    record VisitResponse(String visitorToken, long visitorId, Long customerId, String name, String welcome,
                         List<MenuEntry> menu, boolean officeOpen, ChatView chat, Map<String, String> texts) {
    }

    record StartRequest(String menuKey) {
    }

    record MessageRequest(String clientId, String text) {
    }

    record ContactRequest(String name, String phone, String email) {
    }

    record LeaveRequest(String name, String phone, String email, String text) {
    }

    record RatingRequest(Integer score, String comment) {
    }

    private final ChatService service;
    private final ChatVisitors visits;
    private final ChatStore chats;
    private final ChatViews views;
    private final ChatStreams streams;
    private final ChatFiles files;
    private final Visitors visitors;
    private final VisitorLimits limits;
    private final MessageSource messages;

    VisitorApiController(ChatService service, ChatVisitors visits, ChatStore chats, ChatViews views,
                         ChatStreams streams, ChatFiles files, Visitors visitors, VisitorLimits limits,
                         MessageSource messages) {
        this.service = service;
        this.visits = visits;
        this.chats = chats;
        this.views = views;
        this.streams = streams;
        this.files = files;
        this.visitors = visitors;
        this.limits = limits;
        this.messages = messages;
    }

    @PostMapping("/visits")
    VisitResponse visit(@RequestBody VisitRequest body, HttpServletRequest request) {
        limits.request(request.getRemoteAddr());
        PageInput page = body.page() == null ? new PageInput(null, null, null) : body.page();
        ChatVisitors.Visit visit = visits.visit(body.visitorToken(), body.identityToken(), portalEmail(request),
                page.url(), page.title(), page.referrer());
        Locale locale = LocaleContextHolder.getLocale();
        ChatSettings settings = visit.settings();
        Map<String, String> texts = new LinkedHashMap<>();
        WIDGET_TEXTS.forEach(name -> texts.put(name, messages.getMessage("chat.widget." + name, null, locale)));
        return new VisitResponse(visit.visitorToken(), visit.visitor().id(), visit.visitor().customerId(),
                visit.visitor().name(),
                settings.welcome() != null ? settings.welcome() : messages.getMessage("chat.welcome", null, locale),
                settings.menu().stream().map(item -> new MenuEntry(item.key(),
                        messages.getMessage(item.label(), null, item.label(), locale))).toList(),
                visit.officeOpen(), visit.openChat() == null ? null : views.of(visit.openChat()), texts);
    }

    @PostMapping("/page-views")
    ResponseEntity<Void> pageView(Visitor visitor, @RequestBody PageInput body) {
        visits.pageView(visitor, body.url(), body.title());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chats")
    ResponseEntity<ChatView> start(Visitor visitor, @RequestBody(required = false) StartRequest body) {
        ChatRecord chat = service.start(visitor, body == null ? null : body.menuKey(), LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.of(chat));
    }

    @PostMapping("/chats/{id}/messages")
    ResponseEntity<MessageView> message(Visitor visitor, @PathVariable long id, @RequestBody MessageRequest body) {
        return MessageView.answering(service.visitorMessage(visitor, id, body.clientId(), body.text()));
    }

    @PostMapping("/chats/{id}/files")
    ResponseEntity<MessageView> file(Visitor visitor, @PathVariable long id, @RequestParam("file") MultipartFile file,
                                     @RequestParam String clientId) {
        return MessageView.answering(service.visitorFile(visitor, id, clientId, file));
    }

    @PostMapping("/chats/{id}/handoff")
    ChatView handoff(Visitor visitor, @PathVariable long id) {
        return views.of(service.handoff(visitor, id));
    }

    @PostMapping("/chats/{id}/contact")
    ChatView contact(Visitor visitor, @PathVariable long id, @RequestBody ContactRequest body,
                     HttpServletRequest request) {
        limits.form(request.getRemoteAddr());
        return views.of(visits.contact(visitor, id, body.name(), body.phone(), body.email()));
    }

    @PostMapping("/leave-message")
    ResponseEntity<Map<String, Long>> leaveMessage(Visitor visitor, @RequestBody LeaveRequest body,
                                                   HttpServletRequest request) {
        limits.form(request.getRemoteAddr());
        long ticketId = visits.leaveMessage(visitor, body.name(), body.phone(), body.email(), body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ticketId", ticketId));
    }

    @PostMapping("/chats/{id}/end")
    ChatView end(Visitor visitor, @PathVariable long id) {
        return views.of(service.endByVisitor(visitor, id));
    }

    @PostMapping("/chats/{id}/rating")
    ChatView rate(Visitor visitor, @PathVariable long id, @RequestBody RatingRequest body) {
        return views.of(service.rate(visitor, id, body.score(), body.comment()));
    }

    @GetMapping(path = "/chats/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Visitor visitor, @PathVariable long id,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        ChatRecord chat = chats.find(id).filter(c -> c.visitorId() == visitor.id())
                .orElseThrow(() -> DomainException.notFound("chat", id));
        return streams.openChat(chat.id(), false, lastEventId);
    }

    /** A file of a chat: for the visitor of that chat (token header or query) or for staff who chat. */
    @GetMapping("/files/{messageId}")
    ResponseEntity<Resource> download(@PathVariable long messageId, HttpServletRequest request) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = auth != null && auth.getPrincipal() instanceof StaffPrincipal me
                && (me.can(Permission.CHAT_AGENT) || me.can(Permission.CHAT_SUPERVISE));
        if (!staff) {
            if (auth != null && auth.getPrincipal() instanceof StaffPrincipal) {
                throw new DomainException(HttpStatus.FORBIDDEN, "problem.forbidden");
            }
            String token = request.getHeader(VisitorArguments.HEADER);
            Visitor visitor = visitors.byToken(token != null ? token : request.getParameter("visitor"))
                    .orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "chat.visitorUnknown"));
            MessageRecord message = chats.message(messageId).filter(m -> !m.staffOnly() && m.file() != null)
                    .filter(m -> chats.find(m.chatId()).map(c -> c.visitorId() == visitor.id()).orElse(false))
                    .orElseThrow(() -> DomainException.notFound("file", messageId));
            return ChatFileResponses.serve(files, message);
        }
        StaffPrincipal me = (StaffPrincipal) auth.getPrincipal();
        MessageRecord message = chats.message(messageId).filter(m -> m.file() != null)
                .filter(m -> chats.find(m.chatId()).map(c -> service.visible(me, c)).orElse(false))
                .orElseThrow(() -> DomainException.notFound("file", messageId));
        return ChatFileResponses.serve(files, message);
    }

    /** The portal customer signed in on our own origin; a call from another site never borrows her session. */
    private static String portalEmail(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalCustomer customer)) {
            return null;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return origin == null || origin.equals(own) ? customer.email() : null;
    }
}
