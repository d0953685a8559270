package io.kefu.customer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerRecord;
import io.kefu.customer.internal.IdentityNormaliser;

/**
 * A customer as the API shows her. Phones, emails and id numbers are masked (138****5678) unless the caller asked
 * to reveal them, which needs the CUSTOMER_REVEAL permission and is audited.
 */
public record CustomerView(long id, CustomerType type, String name, Long organizationId, String organizationName,
                           Long ownerId, Long departmentId, String tier, List<String> tags, String region,
                           LifecycleStage lifecycleStage, LocalDate birthday, boolean consentEmail,
                           boolean consentSms, boolean consentPhone, Map<String, Object> attributes,
                           List<String> phones, List<String> emails, String wechatOpenId, String wechatUnionId,
                           String appUserId, String memberNo, String idNumber, boolean masked, Long mergedIntoId,
                           Instant createdAt, Instant updatedAt, long version) {

    static CustomerView of(CustomerRecord c, boolean reveal) {
        Function<CustomerIdentity, String> show = reveal
                ? i -> i.kind() == IdentityKind.PHONE ? IdentityNormaliser.displayPhone(i.value()) : i.value()
                : IdentityNormaliser::mask;
        return new CustomerView(c.id(), c.type(), c.name(), c.organizationId(), c.organizationName(), c.ownerId(),
                c.departmentId(), c.tier(), c.tags(), c.region(), c.lifecycleStage(), c.birthday(),
                c.consent().email(), c.consent().sms(), c.consent().phone(), c.attributes(),
                all(c, IdentityKind.PHONE, show), all(c, IdentityKind.EMAIL, show),
                first(c, IdentityKind.WECHAT_OPENID, show), first(c, IdentityKind.WECHAT_UNIONID, show),
                first(c, IdentityKind.APP_USER_ID, show), first(c, IdentityKind.MEMBER_NO, show),
                first(c, IdentityKind.ID_NUMBER, show), !reveal, c.mergedIntoId(), c.createdAt(), c.updatedAt(),
                c.version());
    }

    private static List<String> all(CustomerRecord c, IdentityKind kind, Function<CustomerIdentity, String> show) {
        return c.identities().stream().filter(i -> i.kind() == kind).map(show).toList();
    }

    private static String first(CustomerRecord c, IdentityKind kind, Function<CustomerIdentity, String> show) {
        List<String> values = all(c, kind, show);
        return values.isEmpty() ? null : values.get(0);
    }
}
