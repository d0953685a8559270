package io.kefu.email.web;

import io.kefu.email.internal.Mailbox;
import io.kefu.email.internal.MailboxDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The mailbox form. Password fields start empty and stay empty: typing one replaces the stored one. */
public class MailboxForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    @NotBlank
    @Size(max = 320)
    private String address;
    @Size(max = 100)
    private String displayName;
    @Size(max = 255)
    private String imapHost;
    private Integer imapPort;
    private boolean imapTls = true;
    @Size(max = 320)
    private String imapUsername;
    @Size(max = 500)
    private String imapPassword;
    @Size(max = 200)
    private String imapFolder = "INBOX";
    @Size(max = 255)
    private String smtpHost;
    private Integer smtpPort;
    private boolean smtpTls;
    @Size(max = 320)
    private String smtpUsername;
    @Size(max = 500)
    private String smtpPassword;
    @NotNull
    @Min(10)
    @Max(86400)
    private Integer pollSeconds = 60;
    @Size(max = 2000)
    private String signatureTemplate;
    private boolean enabled = true;

    static MailboxForm of(Mailbox m) {
        MailboxForm form = new MailboxForm();
        form.name = m.name();
        form.address = m.address();
        form.displayName = m.displayName();
        form.imapHost = m.imapHost();
        form.imapPort = m.imapPort();
        form.imapTls = m.imapTls();
        form.imapUsername = m.imapUsername();
        form.imapFolder = m.imapFolder();
        form.smtpHost = m.smtpHost();
        form.smtpPort = m.smtpPort();
        form.smtpTls = m.smtpTls();
        form.smtpUsername = m.smtpUsername();
        form.pollSeconds = m.pollSeconds();
        form.signatureTemplate = m.signatureTemplate();
        form.enabled = m.enabled();
        return form;
    }

    MailboxDraft draft() {
        return new MailboxDraft(name, address, displayName, imapHost, imapPort, imapTls, imapUsername, imapPassword,
                imapFolder, smtpHost, smtpPort, smtpTls, smtpUsername, smtpPassword,
                pollSeconds == null ? 60 : pollSeconds, signatureTemplate, enabled);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost; }
    public Integer getImapPort() { return imapPort; }
    public void setImapPort(Integer imapPort) { this.imapPort = imapPort; }
    public boolean isImapTls() { return imapTls; }
    public void setImapTls(boolean imapTls) { this.imapTls = imapTls; }
    public String getImapUsername() { return imapUsername; }
    public void setImapUsername(String imapUsername) { this.imapUsername = imapUsername; }
    public String getImapPassword() { return imapPassword; }
    public void setImapPassword(String imapPassword) { this.imapPassword = imapPassword; }
    public String getImapFolder() { return imapFolder; }
    public void setImapFolder(String imapFolder) { this.imapFolder = imapFolder; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public Integer getSmtpPort() { return smtpPort; }
    public void setSmtpPort(Integer smtpPort) { this.smtpPort = smtpPort; }
    public boolean isSmtpTls() { return smtpTls; }
    public void setSmtpTls(boolean smtpTls) { this.smtpTls = smtpTls; }
    public String getSmtpUsername() { return smtpUsername; }
    public void setSmtpUsername(String smtpUsername) { this.smtpUsername = smtpUsername; }
    public String getSmtpPassword() { return smtpPassword; }
    public void setSmtpPassword(String smtpPassword) { this.smtpPassword = smtpPassword; }
    public Integer getPollSeconds() { return pollSeconds; }
    public void setPollSeconds(Integer pollSeconds) { this.pollSeconds = pollSeconds; }
    public String getSignatureTemplate() { return signatureTemplate; }
    public void setSignatureTemplate(String signatureTemplate) { this.signatureTemplate = signatureTemplate; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
