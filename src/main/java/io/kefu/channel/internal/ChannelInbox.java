package io.kefu.channel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketInbox;
import io.kefu.ticket.TicketSummary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a message a channel posted: checks its signature and age, then in one transaction records its id, resolves
 * the sender to a customer and threads the message onto her ticket. A second delivery of the same message id
 * stores nothing and answers where the first one landed.
 */
@Service
public class ChannelInbox {

    private static final StaffPrincipal CHANNEL = StaffPrincipal.system("channel");

    private final ChannelStore channels;
    private final ChannelMessages messages;
    private final InboundMessageReader reader;
    private final CustomerDirectory customers;
    private final TicketInbox tickets;
    private final TransactionTemplate transaction;
    private final ChannelProperties properties;

    ChannelInbox(ChannelStore channels, ChannelMessages messages, InboundMessageReader reader,
                 CustomerDirectory customers, TicketInbox tickets, TransactionTemplate transaction,
                 ChannelProperties properties) {
        this.channels = channels;
        this.messages = messages;
        this.reader = reader;
        this.customers = customers;
        this.tickets = tickets;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Where a message landed; {@code duplicate} when it had been delivered before. */
    public record Receipt(long ticketId, long articleId, boolean duplicate) {
    }

    /**
     * @param timestamp the {@code X-Kefu-Timestamp} header (epoch seconds), or null
     * @param signature the {@code X-Kefu-Signature} header ({@code sha256=<hex>}), or null
     * @param body      the request body exactly as it came
     */
    public Receipt accept(long channelId, String timestamp, String signature, byte[] body) {
        long signedAt = signedAt(timestamp, signature);
        ChannelStore.Inbound channel = channels.inbound(channelId).filter(c -> c.channel().enabled())
                .orElseThrow(() -> DomainException.notFound("channel", channelId));
        if (!Signature.matches(channel.secret(), signedAt, body, signature)) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "channel.inbound.badSignature");
        }
        InboundMessage message = reader.read(body);
        return transaction.execute(status -> receive(channel.channel(), message));
    }

    /** The signed timestamp, refused when a header is missing or it is too far from now (a replay). */
    private long signedAt(String timestamp, String signature) {
        if (timestamp == null || signature == null) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "channel.inbound.unsigned");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "channel.inbound.unsigned");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs();
        if (skew.compareTo(properties.timestampTolerance()) > 0) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "channel.inbound.stale",
                    properties.timestampTolerance().toMinutes());
        }
        return seconds;
    }

    private Receipt receive(ChannelRecord channel, InboundMessage message) {
        if (!messages.claim(channel.id(), message)) {
            ChannelMessages.Landed earlier = messages.landing(channel.id(), message.messageId());
            return new Receipt(earlier.ticketId(), earlier.articleId(), true);
        }
        messages.lockSender(channel.id(), message.sender().id());
        long customerId = customerOf(channel, message.sender());
        Long ticketId = message.conversationId() != null
                ? messages.ticketOfConversation(channel.id(), message.conversationId()).orElse(null)
                : tickets.latestOpen(customerId, channel.kind().ticketChannel()).map(TicketSummary::id)
                        .orElse(null);
        TicketInbox.Delivery delivery = tickets.receive(new CustomerMessage(customerId,
                channel.kind().ticketChannel(), ticketId, null, message.text(), null, null,
                message.sender().name(), message.files()));
        messages.landed(channel.id(), message.messageId(), customerId, delivery.ticketId(), delivery.articleId());
        return new Receipt(delivery.ticketId(), delivery.articleId(), false);
    }

    /**
     * The customer holding the sender id, else the one this sender's earlier messages went to (her identities may
     * have been found by phone then), else the one holding her phone or email, else a new customer.
     */
    private long customerOf(ChannelRecord channel, InboundMessage.Sender sender) {
        return customers.findByIdentity(channel.identityKind(), sender.id())
                .or(() -> messages.customerOf(channel.id(), sender.id())
                        .flatMap(customers::summary).map(CustomerDirectory.CustomerSummary::id))
                .orElseGet(() -> customers.resolveOrCreate(sender.name(), identities(channel, sender), CHANNEL)
                        .id());
    }

    private static List<CustomerIdentity> identities(ChannelRecord channel, InboundMessage.Sender sender) {
        List<CustomerIdentity> identities = new ArrayList<>();
        identities.add(new CustomerIdentity(channel.identityKind(), sender.id()));
        if (sender.phone() != null) {
            identities.add(new CustomerIdentity(IdentityKind.PHONE, sender.phone()));
        }
        if (sender.email() != null) {
            identities.add(new CustomerIdentity(IdentityKind.EMAIL, sender.email()));
        }
        return identities;
    }
}
