package io.kefu.customer.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;
import io.kefu.identity.DemoCompanyLoaded;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.BundledJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo company's customers (from {@code demo/customers.json}): two organisations and the people who write in,
 * with owners, tiers, tags, regions, lifecycle stages and consent, created as any customer is, so that Customer 360
 * of a new installation shows what it holds. Loaded before the conversations that other modules add for these
 * customers, which find them by their phone or email.
 */
@Component
class DemoCustomers {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    private static final String CUSTOMERS = "demo/customers.json";

    /** A customer of the demo; {@code organization} is another's key, {@code owner} a staff member's username. */
    record DemoCustomer(String key, String name, String organization, String owner, String tier, List<String> tags,
                        String region, LifecycleStage lifecycleStage, LocalDate birthday,
                        DemoConsent consent, String phone, String email, String wechatOpenId) {

        CustomerDraft draft(CustomerType type, Long organizationId, Long ownerId) {
            return new CustomerDraft(type, name, organizationId, ownerId, tier, tags, region, lifecycleStage,
                    birthday, consent == null ? null : consent.toConsent(), null, identities());
        }

        private List<CustomerIdentity> identities() {
            List<CustomerIdentity> identities = new ArrayList<>();
            if (phone != null) {
                identities.add(new CustomerIdentity(IdentityKind.PHONE, phone));
            }
            if (email != null) {
                identities.add(new CustomerIdentity(IdentityKind.EMAIL, email));
            }
            if (wechatOpenId != null) {
                identities.add(new CustomerIdentity(IdentityKind.WECHAT_OPENID, wechatOpenId));
            }
            return identities;
        }
    }

    /** The channels a customer agreed to be contacted on; one left out is one she did not agree to. */
    record DemoConsent(Boolean email, Boolean sms, Boolean phone) {

        CustomerRecord.Consent toConsent() {
            return new CustomerRecord.Consent(Boolean.TRUE.equals(email), Boolean.TRUE.equals(sms),
                    Boolean.TRUE.equals(phone));
        }
    }

    /** @param createdBy the name the timelines show as having created the customers */
    record Demo(String createdBy, List<DemoCustomer> organizations, List<DemoCustomer> people) {
    }

    private final CustomerService customers;
    private final StaffDirectory staff;
    private final JsonMapper json;

    DemoCustomers(CustomerService customers, StaffDirectory staff, JsonMapper json) {
        this.customers = customers;
        this.staff = staff;
        this.json = json;
    }

    @EventListener
    @Order(0)
    void load(DemoCompanyLoaded event) {
        Demo demo = BundledJson.read(json, CUSTOMERS, Demo.class);
        StaffPrincipal creator = StaffPrincipal.system(demo.createdBy());
        Map<String, Long> staffIds = new HashMap<>();
        staff.active().forEach(member -> staffIds.put(member.username(), member.id()));
        Map<String, Long> organizationIds = new HashMap<>();
        for (DemoCustomer organization : demo.organizations()) {
            organizationIds.put(organization.key(), customers.create(organization.draft(CustomerType.ORGANIZATION,
                    null, staffIds.get(organization.owner())), creator).id());
        }
        for (DemoCustomer person : demo.people()) {
            customers.create(person.draft(CustomerType.PERSON, organizationIds.get(person.organization()),
                    staffIds.get(person.owner())), creator);
        }
        log.info("Loaded the demo customers: {} organisations, {} people", demo.organizations().size(),
                demo.people().size());
    }
}
