package io.kefu.customer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerDraft;
import io.kefu.customer.internal.CustomerRecord;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The customer form. Phones and emails are personal data that the editor may not be allowed to see, so the form
 * never carries the stored ones: it lists them masked with a box to remove each (by position), and takes new ones
 * in {@code phones} and {@code emails}. The identities the form does not show are kept as they are.
 */
public class CustomerForm {

    private static final Set<IdentityKind> EDITED = EnumSet.of(IdentityKind.PHONE, IdentityKind.EMAIL,
            IdentityKind.WECHAT_OPENID, IdentityKind.MEMBER_NO);

    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private CustomerType type = CustomerType.PERSON;
    private Long organizationId;
    private Long ownerId;
    @Size(max = 50)
    private String tier;
    @Size(max = 1000)
    private String tags;
    @Size(max = 100)
    private String region;
    @NotNull
    private LifecycleStage lifecycleStage = LifecycleStage.PROSPECT;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;
    private boolean consentEmail;
    private boolean consentSms;
    private boolean consentPhone;
    @Size(max = 2000)
    private String phones;
    @Size(max = 2000)
    private String emails;
    private List<Integer> removePhones = new ArrayList<>();
    private List<Integer> removeEmails = new ArrayList<>();
    @Size(max = 200)
    private String wechatOpenId;
    @Size(max = 200)
    private String memberNo;
    private Map<String, String> attributes = new LinkedHashMap<>();
    /** The version the form was opened on: removals by position are only safe on that version. */
    private Long version;

    static CustomerForm of(CustomerRecord c) {
        CustomerForm form = new CustomerForm();
        form.name = c.name();
        form.type = c.type();
        form.organizationId = c.organizationId();
        form.ownerId = c.ownerId();
        form.tier = c.tier();
        form.tags = String.join(", ", c.tags());
        form.region = c.region();
        form.lifecycleStage = c.lifecycleStage();
        form.birthday = c.birthday();
        form.consentEmail = c.consent().email();
        form.consentSms = c.consent().sms();
        form.consentPhone = c.consent().phone();
        form.wechatOpenId = c.firstValueOf(IdentityKind.WECHAT_OPENID);
        form.memberNo = c.firstValueOf(IdentityKind.MEMBER_NO);
        c.attributes().forEach((key, value) -> form.attributes.put(key, String.valueOf(value)));
        form.version = c.version();
        return form;
    }

    /** The draft to save; {@code current} is the stored customer, or null for a new one. */
    CustomerDraft draft(CustomerRecord current) {
        List<CustomerIdentity> existing = current == null ? List.of() : current.identities();
        List<CustomerIdentity> identities = new ArrayList<>();
        keep(identities, existing, IdentityKind.PHONE, removePhones);
        add(identities, IdentityKind.PHONE, Separated.values(phones));
        keep(identities, existing, IdentityKind.EMAIL, removeEmails);
        add(identities, IdentityKind.EMAIL, Separated.values(emails));
        add(identities, IdentityKind.WECHAT_OPENID, wechatOpenId == null ? List.of() : List.of(wechatOpenId));
        add(identities, IdentityKind.MEMBER_NO, memberNo == null ? List.of() : List.of(memberNo));
        existing.stream().filter(i -> !EDITED.contains(i.kind())).forEach(identities::add);
        return new CustomerDraft(type, name, organizationId, ownerId, tier, Separated.values(tags), region,
                lifecycleStage, birthday, new CustomerRecord.Consent(consentEmail, consentSms, consentPhone),
                new LinkedHashMap<>(attributes), identities);
    }

    private static void keep(List<CustomerIdentity> result, List<CustomerIdentity> existing, IdentityKind kind,
                             List<Integer> removed) {
        List<CustomerIdentity> ofKind = existing.stream().filter(i -> i.kind() == kind).toList();
        for (int i = 0; i < ofKind.size(); i++) {
            if (removed == null || !removed.contains(i)) {
                result.add(ofKind.get(i));
            }
        }
    }

    private static void add(List<CustomerIdentity> result, IdentityKind kind, List<String> values) {
        values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> result.add(new CustomerIdentity(kind, v)));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CustomerType getType() {
        return type;
    }

    public void setType(CustomerType type) {
        this.type = type;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public LifecycleStage getLifecycleStage() {
        return lifecycleStage;
    }

    public void setLifecycleStage(LifecycleStage lifecycleStage) {
        this.lifecycleStage = lifecycleStage;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    public boolean isConsentEmail() {
        return consentEmail;
    }

    public void setConsentEmail(boolean consentEmail) {
        this.consentEmail = consentEmail;
    }

    public boolean isConsentSms() {
        return consentSms;
    }

    public void setConsentSms(boolean consentSms) {
        this.consentSms = consentSms;
    }

    public boolean isConsentPhone() {
        return consentPhone;
    }

    public void setConsentPhone(boolean consentPhone) {
        this.consentPhone = consentPhone;
    }

    public String getPhones() {
        return phones;
    }

    public void setPhones(String phones) {
        this.phones = phones;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public List<Integer> getRemovePhones() {
        return removePhones;
    }

    public void setRemovePhones(List<Integer> removePhones) {
        this.removePhones = removePhones;
    }

    public List<Integer> getRemoveEmails() {
        return removeEmails;
    }

    public void setRemoveEmails(List<Integer> removeEmails) {
        this.removeEmails = removeEmails;
    }

    public String getWechatOpenId() {
        return wechatOpenId;
    }

    public void setWechatOpenId(String wechatOpenId) {
        this.wechatOpenId = wechatOpenId;
    }

    public String getMemberNo() {
        return memberNo;
    }

    public void setMemberNo(String memberNo) {
        this.memberNo = memberNo;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
