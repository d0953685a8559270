package io.kefu.ticket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.internal.TicketDraft;
import io.kefu.ticket.internal.TicketIntake;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new ticket. The customer is named by {@code customerId}, or described inline by {@code customer}: she is found
 * by any of her phones, emails or other identities, and created when none matches.
 */
record TicketRequest(Long customerId, @Valid InlineCustomer customer, @NotBlank @Size(max = 40) String type,
                     TicketPriority priority, TicketChannel channel, Long categoryId,
                     @NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 20000) String description,
                     Map<String, Object> customFields, Long assigneeId) {

    record InlineCustomer(@Size(max = 100) String name, List<String> phones, List<String> emails,
                          String wechatOpenId, String appUserId, String memberNo) {

        List<CustomerIdentity> identities() {
            List<CustomerIdentity> all = new ArrayList<>();
            add(all, IdentityKind.PHONE, phones);
            add(all, IdentityKind.EMAIL, emails);
            add(all, IdentityKind.WECHAT_OPENID, wechatOpenId == null ? null : List.of(wechatOpenId));
            add(all, IdentityKind.APP_USER_ID, appUserId == null ? null : List.of(appUserId));
            add(all, IdentityKind.MEMBER_NO, memberNo == null ? null : List.of(memberNo));
            return all;
        }

        private static void add(List<CustomerIdentity> all, IdentityKind kind, List<String> values) {
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank())
                        .forEach(v -> all.add(new CustomerIdentity(kind, v)));
            }
        }
    }

    TicketIntake.CustomerRef customerRef() {
        if (customerId != null) {
            return new TicketIntake.CustomerRef(customerId, null, List.of());
        }
        return customer == null ? null : new TicketIntake.CustomerRef(null, customer.name(), customer.identities());
    }

    TicketDraft draft() {
        return new TicketDraft(0, type, priority, channel, categoryId, subject, description, customFields,
                assigneeId);
    }
}
