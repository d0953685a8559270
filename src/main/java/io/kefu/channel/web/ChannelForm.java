package io.kefu.channel.web;

import io.kefu.channel.ChannelKind;
import io.kefu.channel.internal.ChannelDraft;
import io.kefu.channel.internal.ChannelRecord;
import io.kefu.customer.IdentityKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The channel form; secrets are not on it (Kefu makes them and shows them once). */
public class ChannelForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    @NotNull
    private ChannelKind kind = ChannelKind.WECHAT_OFFICIAL_ACCOUNT;
    @NotNull
    private IdentityKind identityKind = IdentityKind.WECHAT_OPENID;
    @Size(max = 1000)
    private String connectorUrl;
    private boolean enabled = true;

    static ChannelForm of(ChannelRecord channel) {
        ChannelForm form = new ChannelForm();
        form.name = channel.name();
        form.kind = channel.kind();
        form.identityKind = channel.identityKind();
        form.connectorUrl = channel.connectorUrl();
        form.enabled = channel.enabled();
        return form;
    }

    ChannelDraft draft() {
        return new ChannelDraft(name, kind, identityKind, connectorUrl, enabled);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public void setKind(ChannelKind kind) {
        this.kind = kind;
    }

    public IdentityKind getIdentityKind() {
        return identityKind;
    }

    public void setIdentityKind(IdentityKind identityKind) {
        this.identityKind = identityKind;
    }

    public String getConnectorUrl() {
        return connectorUrl;
    }

    public void setConnectorUrl(String connectorUrl) {
        this.connectorUrl = connectorUrl;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
