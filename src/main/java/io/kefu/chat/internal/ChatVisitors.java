package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.sla.BusinessHours;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The widget's visitor as a person: who she is (a customer the company's site or our portal vouches for, or one she
 * names herself), the pages she views, and the message she leaves when nobody can chat. What happens in a chat is
 * {@link ChatService}'s.
 */
@Service
@Transactional
public class ChatVisitors {

    /** What a visit answers: the visitor (and her token), whether the office is open, her open chat if any. */
    public record Visit(String visitorToken, Visitor visitor, boolean officeOpen, ChatRecord openChat,
                        ChatSettings settings) {
    }

    private final ChatService service;
    private final ChatStore chats;
    private final ChatSignals signals;
    private final Visitors visitors;
    private final ChatSettingsStore settings;
    private final IdentityTokens identityTokens;
    private final BusinessHours hours;
    private final CustomerDirectory customers;
    private final TicketInbox tickets;
    private final MessageSource messages;
    private final Clock clock;

    ChatVisitors(ChatService service, ChatStore chats, ChatSignals signals, Visitors visitors,
                 ChatSettingsStore settings, IdentityTokens identityTokens, BusinessHours hours,
                 CustomerDirectory customers, TicketInbox tickets, MessageSource messages, Clock clock) {
        this.service = service;
        this.chats = chats;
        this.signals = signals;
        this.visitors = visitors;
        this.settings = settings;
        this.identityTokens = identityTokens;
        this.hours = hours;
        this.customers = customers;
        this.tickets = tickets;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A page load of the widget: finds or registers the visitor, ties her to a customer when the company's site
     * vouches for her (identity token) or she is signed in to our portal, and records the page view.
     */
    public Visit visit(String token, String identityToken, String portalEmail, String url, String title,
                       String referrer) {
        Instant now = clock.instant();
        ChatSettings current = settings.current();
        Visitors.Registered registered = visitors.findOrRegister(Text.blankToNull(token), now);
        Visitor visitor = registered.visitor();
        if (Text.blankToNull(identityToken) != null) {
            IdentityTokens.Identity identity = identityTokens.verify(identityToken.strip(), current.identitySecret(),
                    now);
            List<CustomerIdentity> identities = new ArrayList<>();
            identities.add(new CustomerIdentity(IdentityKind.MEMBER_NO, identity.customerRef()));
            Optional.ofNullable(identity.phone())
                    .ifPresent(p -> identities.add(new CustomerIdentity(IdentityKind.PHONE, p)));
            Optional.ofNullable(identity.email())
                    .ifPresent(e -> identities.add(new CustomerIdentity(IdentityKind.EMAIL, e)));
            String name = identity.name() == null ? identity.customerRef() : identity.name();
            long customerId = customers.resolveOrCreate(name, identities, StaffPrincipal.system("chat")).id();
            visitors.tie(visitor.id(), customerId, name);
            visitor = visitors.find(visitor.id()).orElseThrow();
        } else if (portalEmail != null && visitor.customerId() == null) {
            Optional<Long> customerId = customers.findByIdentity(IdentityKind.EMAIL, portalEmail);
            if (customerId.isPresent()) {
                visitors.tie(visitor.id(), customerId.get(), null);
                visitor = visitors.find(visitor.id()).orElseThrow();
            }
        }
        String pageUrl = Text.truncate(Text.blankToNull(url), 2000);
        if (pageUrl != null) {
            visitors.view(visitor.id(), pageUrl, Text.truncate(Text.blankToNull(title), 500),
                    Text.truncate(Text.blankToNull(referrer), 2000), now);
        }
        return new Visit(registered.token(), visitor, hours.isOpenAt(current.calendarId(), now),
                chats.openOf(visitor.id()).orElse(null), current);
    }

    public void pageView(Visitor visitor, String url, String title) {
        String pageUrl = Text.truncate(Text.blankToNull(url), 2000);
        if (pageUrl == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "url", "chat.urlRequired");
        }
        visitors.view(visitor.id(), pageUrl, Text.truncate(Text.blankToNull(title), 500), null, clock.instant());
    }

    /** Ties the visitor to the customer with these contact details, creating her when new (never twice). */
    public ChatRecord contact(Visitor visitor, long chatId, String name, String phone, String email) {
        service.own(visitor, chatId);
        long customerId = customerFor(name, phone, email);
        visitors.tie(visitor.id(), customerId, Text.truncate(Text.blankToNull(name), 200));
        chats.update(chatId, Map.of("customer_id", customerId));
        signals.changed(chatId);
        return chats.find(chatId).orElseThrow();
    }

    /** A message left when nobody can chat (office closed, or a callback offered): it becomes a ticket. */
    public long leaveMessage(Visitor visitor, String name, String phone, String email, String text) {
        String body = ChatService.messageText(text);
        long customerId = customerFor(name, phone, email);
        visitors.tie(visitor.id(), customerId, Text.truncate(Text.blankToNull(name), 200));
        Locale locale = LocaleContextHolder.getLocale();
        String subject = Text.truncate(messages.getMessage("chat.leaveMessage.subject", null, locale) + " "
                + body.lines().findFirst().orElse(""), 200);
        TicketInbox.Delivery delivery = tickets.receive(CustomerMessage.text(customerId, TicketChannel.CHAT, null,
                subject, body + trailText(visitor.id()), Text.blankToNull(name)));
        return delivery.ticketId();
    }

    private long customerFor(String name, String phone, String email) {
        String who = Text.truncate(Text.blankToNull(name), 200);
        if (who == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "chat.nameRequired");
        }
        List<CustomerIdentity> identities = new ArrayList<>();
        if (Text.blankToNull(phone) != null) {
            identities.add(new CustomerIdentity(IdentityKind.PHONE, phone.strip()));
        }
        if (Text.blankToNull(email) != null) {
            identities.add(new CustomerIdentity(IdentityKind.EMAIL, email.strip()));
        }
        if (identities.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "phone", "chat.contactRequired");
        }
        return customers.resolveOrCreate(who, identities, StaffPrincipal.system("chat")).id();
    }

    private String trailText(long visitorId) {
        List<Visitors.PageView> trail = visitors.trail(visitorId);
        if (trail.isEmpty()) {
            return "";
        }
        return "\n\n" + trail.stream().limit(10).map(view -> view.at() + " " + view.url())
                .collect(Collectors.joining("\n"));
    }
}
