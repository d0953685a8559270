package io.kefu.channel.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.kefu.audit.AuditLog;
import io.kefu.customer.IdentityKind;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' side of channels: adding and editing them, switching them off and on, rotating secrets. */
@Service
public class ChannelService {

    /** The identities a channel's sender ids can be; an ID card number is never a messaging handle. */
    public static final Set<IdentityKind> SENDER_IDENTITIES = EnumSet.of(IdentityKind.WECHAT_OPENID,
            IdentityKind.WECHAT_UNIONID, IdentityKind.APP_USER_ID, IdentityKind.MEMBER_NO, IdentityKind.PHONE,
            IdentityKind.EMAIL);
    private static final int NAME_LENGTH = 100;
    private static final int URL_LENGTH = 1000;

    private final ChannelStore channels;
    private final ReplyOutbox outbox;
    private final AuditLog audit;

    ChannelService(ChannelStore channels, ReplyOutbox outbox, AuditLog audit) {
        this.channels = channels;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ChannelRecord> all() {
        return channels.all();
    }

    @Transactional(readOnly = true)
    public ChannelRecord get(long id) {
        return channels.find(id).orElseThrow(() -> DomainException.notFound("channel", id));
    }

    /** The channel's latest replies out, newest first. */
    @Transactional(readOnly = true)
    public List<ReplyDelivery> deliveries(long id, int limit) {
        get(id);
        return outbox.latest(id, limit);
    }

    /** A new channel with both its secrets, which the answer carries once. */
    @Transactional
    public NewSecrets create(ChannelDraft draft) {
        ChannelDraft checked = checked(draft, null);
        String inbound = Signature.newSecret();
        String connector = Signature.newSecret();
        long id = channels.insert(checked, inbound, connector);
        audit.record("channel.create", "channel", id, checked.name() + " " + checked.kind());
        return new NewSecrets(get(id), inbound, connector);
    }

    @Transactional
    public ChannelRecord update(long id, ChannelDraft draft) {
        ChannelDraft checked = checked(draft, id);
        if (!channels.update(id, checked)) {
            throw DomainException.notFound("channel", id);
        }
        audit.record("channel.update", "channel", id, checked.name() + " " + checked.kind()
                + (checked.enabled() ? "" : " disabled"));
        return get(id);
    }

    @Transactional
    public ChannelRecord setEnabled(long id, boolean enabled) {
        if (!channels.setEnabled(id, enabled)) {
            throw DomainException.notFound("channel", id);
        }
        audit.record(enabled ? "channel.enable" : "channel.disable", "channel", id, null);
        return get(id);
    }

    /**
     * A new secret in place of the old one, which stops working at once: messages signed with an old inbound secret
     * are refused, replies are signed with a new connector secret from their next attempt on.
     */
    @Transactional
    public NewSecrets rotate(long id, ChannelSecret which) {
        String secret = Signature.newSecret();
        if (!channels.setSecret(id, which, secret)) {
            throw DomainException.notFound("channel", id);
        }
        audit.record("channel.rotateSecret", "channel", id, which.name());
        return which == ChannelSecret.INBOUND ? new NewSecrets(get(id), secret, null)
                : new NewSecrets(get(id), null, secret);
    }

    private ChannelDraft checked(ChannelDraft draft, Long id) {
        String name = Text.blankToNull(draft.name());
        if (name == null || name.length() > NAME_LENGTH) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "channel.nameRequired");
        }
        if (draft.kind() == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "kind", "channel.kindRequired");
        }
        if (draft.identityKind() == null || !SENDER_IDENTITIES.contains(draft.identityKind())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "identityKind", "channel.identityKindRequired");
        }
        String url = Text.blankToNull(draft.connectorUrl());
        if (url != null && !webAddress(url)) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "connectorUrl", "channel.connectorUrlInvalid");
        }
        if (channels.nameTaken(name, id)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "name", "channel.nameTaken", name);
        }
        return new ChannelDraft(name, draft.kind(), draft.identityKind(), url, draft.enabled());
    }

    private static boolean webAddress(String url) {
        if (url.length() > URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
