package io.kefu.ticket.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.kefu.sla.PolicyChoices;
import io.kefu.ticket.TicketChannel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Tells the SLA screens which ticket types and channels there are: built-in types and channels by their labels. */
@Component
class TicketPolicyChoices implements PolicyChoices {

    private final TicketTypes types;
    private final MessageSource messages;

    TicketPolicyChoices(TicketTypes types, MessageSource messages) {
        this.types = types;
        this.messages = messages;
    }

    @Override
    public List<Choice> ticketTypes(Locale locale) {
        return types.all().stream().map(t -> new Choice(t.code(), t.label(messages, locale))).toList();
    }

    @Override
    public List<Choice> channels(Locale locale) {
        return Arrays.stream(TicketChannel.values()).map(c -> new Choice(c.name(),
                messages.getMessage("ticket.channel." + c.name(), null, c.name(), locale))).toList();
    }
}
