package io.kefu.customer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerDraft;
import io.kefu.customer.internal.CustomerRecord;
import jakarta.validation.constraints.Size;

/**
 * The body of POST and PATCH {@code /api/v1/customers}. For PATCH every field is optional and only those present
 * change; a list replaces the whole list, an empty string removes a single identity.
 */
record CustomerRequest(CustomerType type, @Size(min = 1, max = 200) String name, Long organizationId, Long ownerId,
                       @Size(max = 50) String tier, List<@Size(max = 50) String> tags, @Size(max = 100) String region,
                       LifecycleStage lifecycleStage, LocalDate birthday, Boolean consentEmail, Boolean consentSms,
                       Boolean consentPhone, Map<String, Object> attributes, List<String> phones,
                       List<String> emails, String wechatOpenId, String wechatUnionId, String appUserId,
                       String memberNo, String idNumber) {

    CustomerDraft toDraft() {
        return applyTo(new CustomerDraft(type == null ? CustomerType.PERSON : type, name, null, null, null, null,
                null, null, null, null, null, List.of()));
    }

    /** The current customer with this request's fields laid over it. */
    CustomerDraft applyTo(CustomerDraft current) {
        CustomerRecord.Consent consent = new CustomerRecord.Consent(
                consentEmail != null ? consentEmail : current.consent().email(),
                consentSms != null ? consentSms : current.consent().sms(),
                consentPhone != null ? consentPhone : current.consent().phone());
        return new CustomerDraft(type != null ? type : current.type(), name != null ? name : current.name(),
                organizationId != null ? organizationId : current.organizationId(),
                ownerId != null ? ownerId : current.ownerId(), tier != null ? tier : current.tier(),
                tags != null ? tags : current.tags(), region != null ? region : current.region(),
                lifecycleStage != null ? lifecycleStage : current.lifecycleStage(),
                birthday != null ? birthday : current.birthday(), consent,
                attributes != null ? attributes : current.attributes(), identities(current.identities()));
    }

    private List<CustomerIdentity> identities(List<CustomerIdentity> current) {
        List<CustomerIdentity> result = new ArrayList<>();
        many(result, current, IdentityKind.PHONE, phones);
        many(result, current, IdentityKind.EMAIL, emails);
        one(result, current, IdentityKind.WECHAT_OPENID, wechatOpenId);
        one(result, current, IdentityKind.WECHAT_UNIONID, wechatUnionId);
        one(result, current, IdentityKind.APP_USER_ID, appUserId);
        one(result, current, IdentityKind.MEMBER_NO, memberNo);
        one(result, current, IdentityKind.ID_NUMBER, idNumber);
        return result;
    }

    private static void many(List<CustomerIdentity> result, List<CustomerIdentity> current, IdentityKind kind,
                             List<String> values) {
        if (values == null) {
            current.stream().filter(i -> i.kind() == kind).forEach(result::add);
        } else {
            values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> result.add(new CustomerIdentity(kind, v)));
        }
    }

    private static void one(List<CustomerIdentity> result, List<CustomerIdentity> current, IdentityKind kind,
                            String value) {
        many(result, current, kind, value == null ? null : List.of(value));
    }
}
