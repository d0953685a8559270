package io.kefu.channel.web;

import java.time.Instant;
import java.util.List;

import io.kefu.channel.ChannelKind;
import io.kefu.channel.internal.ChannelDraft;
import io.kefu.channel.internal.ChannelSecret;
import io.kefu.channel.internal.ChannelService;
import io.kefu.channel.internal.DeliveryState;
import io.kefu.channel.internal.NewSecrets;
import io.kefu.channel.internal.ReplyDelivery;
import io.kefu.customer.IdentityKind;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Messaging channels for administrators: the list, adding and editing them, rotating secrets, replies out. */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Messaging channels")
class ChannelApiController {

    private static final int DELIVERIES = 50;

    private final ChannelService channels;

    ChannelApiController(ChannelService channels) {
        this.channels = channels;
    }

    /** {@code enabled} defaults to true; without a {@code connectorUrl} replies wait until one is set. */
    record ChannelRequest(@NotBlank @Size(max = 100) String name, @NotNull ChannelKind kind,
                          @NotNull IdentityKind identityKind, @Size(max = 1000) String connectorUrl,
                          Boolean enabled) {
        ChannelDraft draft() {
            return new ChannelDraft(name, kind, identityKind, connectorUrl, enabled == null || enabled);
        }
    }

    /** The only answers that carry secrets: both for a new channel, the rotated one after a rotation. */
    record SecretsView(ChannelView channel, String inboundSecret, String connectorSecret) {
        static SecretsView of(NewSecrets secrets) {
            return new SecretsView(ChannelView.of(secrets.channel()), secrets.inboundSecret(),
                    secrets.connectorSecret());
        }
    }

    /** A reply on its way out, without its text. */
    record DeliveryView(long id, long ticketId, String ticketNumber, String recipientId, DeliveryState state,
                        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                        Instant deliveredAt) {
        static DeliveryView of(ReplyDelivery d) {
            return new DeliveryView(d.id(), d.ticketId(), d.ticketNumber(), d.recipientId(), d.state(),
                    d.attempts(), d.nextAttemptAt(), d.lastError(), d.createdAt(), d.deliveredAt());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    List<ChannelView> list() {
        return channels.all().stream().map(ChannelView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    SecretsView create(@Valid @RequestBody ChannelRequest request) {
        return SecretsView.of(channels.create(request.draft()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    ChannelView get(@PathVariable long id) {
        return ChannelView.of(channels.get(id));
    }

    /** Changes a channel; {@code enabled: false} refuses its messages and holds its replies. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    ChannelView update(@PathVariable long id, @Valid @RequestBody ChannelRequest request) {
        return ChannelView.of(channels.update(id, request.draft()));
    }

    /** A new inbound secret, shown once; messages signed with the old one are refused from now on. */
    @PostMapping("/{id}/inbound-secret")
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    SecretsView rotateInboundSecret(@PathVariable long id) {
        return SecretsView.of(channels.rotate(id, ChannelSecret.INBOUND));
    }

    /** A new connector secret, shown once; replies are signed with it from the next attempt on. */
    @PostMapping("/{id}/connector-secret")
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    SecretsView rotateConnectorSecret(@PathVariable long id) {
        return SecretsView.of(channels.rotate(id, ChannelSecret.CONNECTOR));
    }

    /** The channel's latest replies out, newest first: state, attempts and the last error. */
    @GetMapping("/{id}/deliveries")
    @PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
    List<DeliveryView> deliveries(@PathVariable long id) {
        return channels.deliveries(id, DELIVERIES).stream().map(DeliveryView::of).toList();
    }
}
