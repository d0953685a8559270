package io.kefu.portal.web;

/**
 * What the portal's forms send (sign-in, sign-up, links, new tickets, the web form); each form uses some of the
 * fields. A bean, so that refusals can be shown under the field they concern.
 */
public class PortalForm {

    private String name;
    private String email;
    private String phone;
    private String password;
    private String subject;
    private String description;
    private String token;
    /** When the web form was shown, in epoch milliseconds. */
    private Long shownAt;
    /** The web form's honeypot: hidden from people, filled in by robots. */
    private String website;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Long getShownAt() {
        return shownAt;
    }

    public void setShownAt(Long shownAt) {
        this.shownAt = shownAt;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
