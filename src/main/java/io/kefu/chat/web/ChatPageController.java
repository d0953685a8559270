package io.kefu.chat.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kefu.chat.AgentStatus;
import io.kefu.chat.internal.ChatSettingsStore;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.KnowledgeArticles;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's chat workspace and the supervisor's monitor. Both pages are shells: their scripts read and change
 * chats through the agent API ({@code /api/v1/chat}) and follow the staff event stream, so the page and any
 * integration see exactly the same rules.
 */
@Controller
class ChatPageController {

    private static final int SUGGESTIONS = 5;
    /** The knowledge base's search kind and the key every staff member holds (published internal and public). */
    private static final String ARTICLE = "article";
    private static final String STAFF = "staff";
    /** A suggestion inserted whole into a chat would bury the visitor; the agent shortens or links the rest. */
    private static final int INSERTED_TEXT = 600;

    /** A suggestion with the text an agent inserts into her reply. */
    record Suggestion(long id, String title, String snippet, String text) {
    }

    private final ChatSettingsStore settings;
    private final StaffDirectory staff;
    private final SearchIndex search;
    private final KnowledgeArticles articles;
    private final ScriptTexts texts;

    ChatPageController(ChatSettingsStore settings, StaffDirectory staff, SearchIndex search,
                       KnowledgeArticles articles, ScriptTexts texts) {
        this.settings = settings;
        this.staff = staff;
        this.search = search;
        this.articles = articles;
        this.texts = texts;
    }

    @GetMapping("/chat/workspace")
    @PreAuthorize("hasAuthority('CHAT_AGENT')")
    String workspace(@AuthenticationPrincipal StaffPrincipal me, Locale locale, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("statuses", List.of(AgentStatus.ONLINE, AgentStatus.BUSY, AgentStatus.AWAY,
                AgentStatus.OFFLINE));
        model.addAttribute("maxChats", settings.current().maxChatsPerAgent());
        model.addAttribute("groups", staff.skillGroups());
        model.addAttribute("agents", staff.active().stream().filter(s -> s.id() != me.id()).toList());
        // Canned replies belong to tickets and timelines to customers: offered only to those who may read them.
        model.addAttribute("canCanned", me.can(Permission.TICKET_READ));
        model.addAttribute("canCustomers", me.can(Permission.CUSTOMER_READ));
        model.addAttribute("texts", texts.json(ScriptTexts.WORKSPACE, locale));
        return "chat/workspace";
    }

    /** Published articles (internal ones too: the agent reads them first) matching what the visitor asked. */
    @GetMapping("/chat/workspace/suggestions")
    @PreAuthorize("hasAuthority('CHAT_AGENT') and hasAuthority('KNOWLEDGE_READ')")
    String suggestions(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("suggestions", search.search(SearchQuery.of(q, ARTICLE, Set.of(STAFF), SUGGESTIONS))
                .stream()
                .flatMap(hit -> articles.published(hit.id()).stream()
                        .map(a -> new Suggestion(a.id(), a.title(), hit.snippet(), inserted(a.text()))))
                .toList());
        return "chat/fragments :: suggestions";
    }

    @GetMapping("/chat/monitor")
    @PreAuthorize("hasAuthority('CHAT_SUPERVISE')")
    String monitor(Locale locale, Model model) {
        model.addAttribute("texts", texts.json(ScriptTexts.MONITOR, locale));
        return "chat/monitor";
    }

    private static String inserted(String text) {
        String plain = text.strip();
        return plain.length() <= INSERTED_TEXT ? plain : plain.substring(0, INSERTED_TEXT) + "…";
    }
}
