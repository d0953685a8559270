package io.kefu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.kefu.identity.internal.ApiTokenService;
import io.kefu.identity.internal.StaffRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint the application serves, as every built-in role and as an anonymous caller, and checks
 * each answer against the matrix below: allowed callers are served (never 401/403, never 500), refused ones are
 * turned away (403 for a role without the permission; 401 from the API or the sign-in page for the anonymous).
 * An endpoint missing from the matrix fails the test, so every new endpoint must declare who may call it.
 */
@KefuTest
class AuthorizationMatrixTest {

    enum Caller {
        ANONYMOUS(null), ADMINISTRATOR(TestAccounts.ADMIN), SUPERVISOR(TestAccounts.SUPERVISOR),
        AGENT(TestAccounts.AGENT), CUSTOMER_MANAGER(TestAccounts.CUSTOMER_MANAGER), SALES(TestAccounts.SALES),
        TECHNICAL_SUPPORT(TestAccounts.TECHNICAL_SUPPORT), QUALITY_INSPECTOR(TestAccounts.QUALITY_INSPECTOR);

        final String username;

        Caller(String username) {
            this.username = username;
        }
    }

    private static final String PUBLIC = "PUBLIC";
    private static final String SIGNED_IN = "SIGNED_IN";
    private static final String ADMIN = "ADMINISTRATOR";
    private static final String STAFF_READERS = "ADMINISTRATOR SUPERVISOR QUALITY_INSPECTOR";
    private static final String SKILL_GROUP_MANAGERS = "ADMINISTRATOR SUPERVISOR";
    private static final String CUSTOMER_WRITERS = "ADMINISTRATOR SUPERVISOR AGENT CUSTOMER_MANAGER SALES";
    private static final String CUSTOMER_MERGERS = "ADMINISTRATOR SUPERVISOR CUSTOMER_MANAGER";
    private static final String CUSTOMER_TRANSFERRERS = "ADMINISTRATOR SUPERVISOR";
    private static final String TICKET_READERS =
            "ADMINISTRATOR SUPERVISOR AGENT TECHNICAL_SUPPORT CUSTOMER_MANAGER QUALITY_INSPECTOR";
    private static final String TICKET_WRITERS = "ADMINISTRATOR SUPERVISOR AGENT TECHNICAL_SUPPORT";
    private static final String TICKET_DISPATCHERS = "ADMINISTRATOR SUPERVISOR AGENT";
    private static final String TICKET_CONFIGURERS = "ADMINISTRATOR SUPERVISOR";
    private static final String RETURN_VISITORS = "ADMINISTRATOR SUPERVISOR AGENT CUSTOMER_MANAGER";
    private static final String LEAD_WORKERS = "ADMINISTRATOR CUSTOMER_MANAGER SALES";
    private static final String SLA_MANAGERS = "ADMINISTRATOR SUPERVISOR";
    private static final String NOTIFICATION_MANAGERS = "ADMINISTRATOR SUPERVISOR";
    private static final String CALL_READERS = "ADMINISTRATOR SUPERVISOR AGENT QUALITY_INSPECTOR";
    private static final String CALL_WRITERS = "ADMINISTRATOR SUPERVISOR AGENT";
    private static final String CHANNEL_MANAGERS = "ADMINISTRATOR";
    /**
     * Authenticated by the channel's HMAC signature, not by a role or token: every caller here sends no signature,
     * so each one, signed in or not, is refused with 401 (the signed cases are in ChannelInboundTest).
     */
    private static final String CHANNEL_SIGNED = "CHANNEL_SIGNED";
    /**
     * Customers signed in to the customer portal. No staff caller is one: a staff session is not a portal session,
     * so staff and anonymous callers alike are sent to /portal/login (a 302, the refusal this test expects).
     */
    private static final String PORTAL_CUSTOMERS = "PORTAL_CUSTOMERS";
    private static final String MAILBOX_MANAGERS = "ADMINISTRATOR";
    private static final String KNOWLEDGE_READERS =
            "ADMINISTRATOR SUPERVISOR AGENT CUSTOMER_MANAGER SALES TECHNICAL_SUPPORT QUALITY_INSPECTOR";
    private static final String KNOWLEDGE_WRITERS = "ADMINISTRATOR SUPERVISOR AGENT TECHNICAL_SUPPORT";
    private static final String KNOWLEDGE_REVIEWERS = "ADMINISTRATOR SUPERVISOR QUALITY_INSPECTOR";
    /** Workflow actions: the endpoint lets writers and reviewers in, each action then needs its own permission. */
    private static final String KNOWLEDGE_WORKFLOW =
            "ADMINISTRATOR SUPERVISOR AGENT TECHNICAL_SUPPORT QUALITY_INSPECTOR";
    private static final String SEARCH_MANAGERS = "ADMINISTRATOR";
    private static final String CHAT_AGENTS = "ADMINISTRATOR SUPERVISOR AGENT";
    private static final String CHAT_MANAGERS = "ADMINISTRATOR";
    /**
     * The chat widget's API: the visitor token header is the credential, not a role or a sign-in. No caller here
     * sends one, so each, signed in or not, is refused with 401 (the visitor cases are in the chat tests).
     */
    private static final String CHAT_VISITOR = "CHAT_VISITOR";

    /** Who may call what: PUBLIC, SIGNED_IN (every role), or the roles by name. */
    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /login", PUBLIC);
        MATRIX.put("GET /", SIGNED_IN);
        MATRIX.put("* /error", PUBLIC);
        MATRIX.put("GET /v3/api-docs", PUBLIC);
        MATRIX.put("GET /v3/api-docs.yaml", PUBLIC);
        MATRIX.put("GET /v3/api-docs/swagger-config", PUBLIC);
        MATRIX.put("GET /swagger-ui.html", PUBLIC);
        MATRIX.put("GET /profile", SIGNED_IN);
        MATRIX.put("POST /profile/password", SIGNED_IN);
        MATRIX.put("GET /admin/staff", STAFF_READERS);
        MATRIX.put("GET /admin/staff/new", ADMIN);
        MATRIX.put("POST /admin/staff", ADMIN);
        MATRIX.put("GET /admin/staff/{id}", STAFF_READERS);
        MATRIX.put("POST /admin/staff/{id}", ADMIN);
        MATRIX.put("POST /admin/staff/{id}/password", ADMIN);
        MATRIX.put("POST /admin/staff/{id}/unlock", ADMIN);
        MATRIX.put("GET /admin/departments", STAFF_READERS);
        MATRIX.put("POST /admin/departments", ADMIN);
        MATRIX.put("GET /admin/departments/{id}", ADMIN);
        MATRIX.put("POST /admin/departments/{id}", ADMIN);
        MATRIX.put("POST /admin/departments/{id}/delete", ADMIN);
        MATRIX.put("GET /admin/skill-groups", STAFF_READERS);
        MATRIX.put("GET /admin/skill-groups/new", SKILL_GROUP_MANAGERS);
        MATRIX.put("POST /admin/skill-groups", SKILL_GROUP_MANAGERS);
        MATRIX.put("GET /admin/skill-groups/{id}", SKILL_GROUP_MANAGERS);
        MATRIX.put("POST /admin/skill-groups/{id}", SKILL_GROUP_MANAGERS);
        MATRIX.put("POST /admin/skill-groups/{id}/delete", SKILL_GROUP_MANAGERS);
        MATRIX.put("GET /admin/roles", ADMIN);
        MATRIX.put("GET /admin/roles/new", ADMIN);
        MATRIX.put("POST /admin/roles", ADMIN);
        MATRIX.put("GET /admin/roles/{id}", ADMIN);
        MATRIX.put("POST /admin/roles/{id}", ADMIN);
        MATRIX.put("POST /admin/roles/{id}/delete", ADMIN);
        MATRIX.put("GET /admin/tokens", ADMIN);
        MATRIX.put("POST /admin/tokens", ADMIN);
        MATRIX.put("POST /admin/tokens/{id}/revoke", ADMIN);
        MATRIX.put("GET /admin/audit", ADMIN);
        MATRIX.put("GET /customers", SIGNED_IN);
        MATRIX.put("GET /customers/new", CUSTOMER_WRITERS);
        MATRIX.put("POST /customers", CUSTOMER_WRITERS);
        MATRIX.put("GET /customers/{id}", SIGNED_IN);
        MATRIX.put("GET /customers/{id}/edit", CUSTOMER_WRITERS);
        MATRIX.put("POST /customers/{id}", CUSTOMER_WRITERS);
        MATRIX.put("POST /customers/{id}/reveal", "ADMINISTRATOR SUPERVISOR CUSTOMER_MANAGER SALES");
        MATRIX.put("POST /customers/{id}/notes", CUSTOMER_WRITERS);
        MATRIX.put("POST /customers/{id}/merge", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/transfer", CUSTOMER_TRANSFERRERS);
        MATRIX.put("POST /customers/transfer", CUSTOMER_TRANSFERRERS);
        MATRIX.put("GET /customers/fields", ADMIN);
        MATRIX.put("POST /customers/fields", ADMIN);
        MATRIX.put("GET /api/v1/me", SIGNED_IN);
        MATRIX.put("GET /api/v1/staff", STAFF_READERS);
        MATRIX.put("POST /api/v1/staff", ADMIN);
        MATRIX.put("GET /api/v1/staff/{id}", STAFF_READERS);
        MATRIX.put("PATCH /api/v1/staff/{id}", ADMIN);
        MATRIX.put("POST /api/v1/staff/{id}/password", ADMIN);
        MATRIX.put("POST /api/v1/staff/{id}/unlock", ADMIN);
        MATRIX.put("GET /api/v1/departments", STAFF_READERS);
        MATRIX.put("POST /api/v1/departments", ADMIN);
        MATRIX.put("PATCH /api/v1/departments/{id}", ADMIN);
        MATRIX.put("DELETE /api/v1/departments/{id}", ADMIN);
        MATRIX.put("GET /api/v1/skill-groups", STAFF_READERS);
        MATRIX.put("POST /api/v1/skill-groups", SKILL_GROUP_MANAGERS);
        MATRIX.put("GET /api/v1/skill-groups/{id}", STAFF_READERS);
        MATRIX.put("PUT /api/v1/skill-groups/{id}", SKILL_GROUP_MANAGERS);
        MATRIX.put("DELETE /api/v1/skill-groups/{id}", SKILL_GROUP_MANAGERS);
        MATRIX.put("GET /api/v1/roles", ADMIN);
        MATRIX.put("POST /api/v1/roles", ADMIN);
        MATRIX.put("PUT /api/v1/roles/{id}", ADMIN);
        MATRIX.put("DELETE /api/v1/roles/{id}", ADMIN);
        MATRIX.put("GET /api/v1/tokens", ADMIN);
        MATRIX.put("POST /api/v1/tokens", ADMIN);
        MATRIX.put("DELETE /api/v1/tokens/{id}", ADMIN);
        MATRIX.put("GET /api/v1/audit", ADMIN);
        MATRIX.put("GET /api/v1/customers", SIGNED_IN);
        MATRIX.put("POST /api/v1/customers", CUSTOMER_WRITERS);
        MATRIX.put("GET /api/v1/customers/{id}", SIGNED_IN);
        MATRIX.put("PATCH /api/v1/customers/{id}", CUSTOMER_WRITERS);
        MATRIX.put("POST /api/v1/customers/{id}/merge", CUSTOMER_MERGERS);
        MATRIX.put("POST /api/v1/customers/transfer", CUSTOMER_TRANSFERRERS);
        MATRIX.put("GET /api/v1/customers/{id}/timeline", SIGNED_IN);
        MATRIX.put("POST /api/v1/customers/{id}/notes", CUSTOMER_WRITERS);
        MATRIX.put("GET /api/v1/customer-fields", SIGNED_IN);
        MATRIX.put("POST /api/v1/customer-fields", ADMIN);
        MATRIX.put("POST /api/v1/customers/imports", CUSTOMER_MERGERS);
        MATRIX.put("GET /api/v1/customers/imports/{id}", CUSTOMER_MERGERS);
        MATRIX.put("GET /api/v1/customers/imports/{id}/report", CUSTOMER_MERGERS);
        MATRIX.put("GET /api/v1/customers/export", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/import", CUSTOMER_MERGERS);
        MATRIX.put("POST /customers/import", CUSTOMER_MERGERS);
        MATRIX.put("POST /customers/import/start", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/import/{id}", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/import/{id}/progress", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/import/{id}/report", CUSTOMER_MERGERS);
        MATRIX.put("GET /customers/export", CUSTOMER_MERGERS);
        MATRIX.put("GET /admin/sla/policies", SLA_MANAGERS);
        MATRIX.put("GET /admin/sla/policies/new", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/policies", SLA_MANAGERS);
        MATRIX.put("GET /admin/sla/policies/{id}", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/policies/{id}", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/policies/{id}/delete", SLA_MANAGERS);
        MATRIX.put("GET /admin/sla/calendars", SLA_MANAGERS);
        MATRIX.put("GET /admin/sla/calendars/new", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/calendars", SLA_MANAGERS);
        MATRIX.put("GET /admin/sla/calendars/{id}", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/calendars/{id}", SLA_MANAGERS);
        MATRIX.put("POST /admin/sla/calendars/{id}/delete", SLA_MANAGERS);
        MATRIX.put("GET /api/v1/sla/calendars", SLA_MANAGERS);
        MATRIX.put("POST /api/v1/sla/calendars", SLA_MANAGERS);
        MATRIX.put("GET /api/v1/sla/calendars/{id}", SLA_MANAGERS);
        MATRIX.put("PUT /api/v1/sla/calendars/{id}", SLA_MANAGERS);
        MATRIX.put("DELETE /api/v1/sla/calendars/{id}", SLA_MANAGERS);
        MATRIX.put("GET /api/v1/sla/policies", SLA_MANAGERS);
        MATRIX.put("POST /api/v1/sla/policies", SLA_MANAGERS);
        MATRIX.put("GET /api/v1/sla/policies/{id}", SLA_MANAGERS);
        MATRIX.put("PUT /api/v1/sla/policies/{id}", SLA_MANAGERS);
        MATRIX.put("DELETE /api/v1/sla/policies/{id}", SLA_MANAGERS);
        MATRIX.put("GET /notifications", SIGNED_IN);
        MATRIX.put("GET /notifications/bell", SIGNED_IN);
        MATRIX.put("POST /notifications/{id}/read", SIGNED_IN);
        MATRIX.put("POST /notifications/read-all", SIGNED_IN);
        MATRIX.put("GET /admin/notifications", NOTIFICATION_MANAGERS);
        MATRIX.put("POST /admin/notifications/{id}/retry", NOTIFICATION_MANAGERS);
        MATRIX.put("GET /api/v1/me/notifications", SIGNED_IN);
        MATRIX.put("POST /api/v1/me/notifications/{id}/read", SIGNED_IN);
        MATRIX.put("GET /api/v1/notifications", NOTIFICATION_MANAGERS);
        MATRIX.put("POST /api/v1/notifications/{id}/retry", NOTIFICATION_MANAGERS);
        MATRIX.put("POST /api/v1/channels/{channelId}/inbound", CHANNEL_SIGNED);
        MATRIX.put("GET /api/v1/channels", CHANNEL_MANAGERS);
        MATRIX.put("POST /api/v1/channels", CHANNEL_MANAGERS);
        MATRIX.put("GET /api/v1/channels/{id}", CHANNEL_MANAGERS);
        MATRIX.put("PUT /api/v1/channels/{id}", CHANNEL_MANAGERS);
        MATRIX.put("POST /api/v1/channels/{id}/inbound-secret", CHANNEL_MANAGERS);
        MATRIX.put("POST /api/v1/channels/{id}/connector-secret", CHANNEL_MANAGERS);
        MATRIX.put("GET /api/v1/channels/{id}/deliveries", CHANNEL_MANAGERS);
        MATRIX.put("GET /admin/channels", CHANNEL_MANAGERS);
        MATRIX.put("GET /admin/channels/new", CHANNEL_MANAGERS);
        MATRIX.put("POST /admin/channels", CHANNEL_MANAGERS);
        MATRIX.put("GET /admin/channels/{id}", CHANNEL_MANAGERS);
        MATRIX.put("POST /admin/channels/{id}", CHANNEL_MANAGERS);
        MATRIX.put("POST /admin/channels/{id}/enabled", CHANNEL_MANAGERS);
        MATRIX.put("POST /admin/channels/{id}/inbound-secret", CHANNEL_MANAGERS);
        MATRIX.put("POST /admin/channels/{id}/connector-secret", CHANNEL_MANAGERS);
        MATRIX.put("GET /admin/mailboxes", MAILBOX_MANAGERS);
        MATRIX.put("GET /admin/mailboxes/new", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes", MAILBOX_MANAGERS);
        MATRIX.put("GET /admin/mailboxes/{id}", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes/{id}", MAILBOX_MANAGERS);
        MATRIX.put("GET /admin/mailboxes/{id}/edit", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes/{id}/enabled", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes/{id}/poll", MAILBOX_MANAGERS);
        MATRIX.put("GET /admin/mailboxes/{id}/messages/{messageId}/raw", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes/{id}/messages/{messageId}/retry", MAILBOX_MANAGERS);
        MATRIX.put("POST /admin/mailboxes/{id}/replies/{replyId}/retry", MAILBOX_MANAGERS);
        MATRIX.put("GET /email/signature", TICKET_WRITERS);
        MATRIX.put("POST /email/signature", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/mailboxes", MAILBOX_MANAGERS);
        MATRIX.put("POST /api/v1/mailboxes", MAILBOX_MANAGERS);
        MATRIX.put("GET /api/v1/mailboxes/{id}", MAILBOX_MANAGERS);
        MATRIX.put("PUT /api/v1/mailboxes/{id}", MAILBOX_MANAGERS);
        MATRIX.put("POST /api/v1/mailboxes/{id}/inbound", MAILBOX_MANAGERS);
        MATRIX.put("POST /api/v1/mailboxes/{id}/poll", MAILBOX_MANAGERS);
        MATRIX.put("GET /api/v1/mailboxes/{id}/messages", MAILBOX_MANAGERS);
        MATRIX.put("GET /api/v1/mailboxes/{id}/messages/{messageId}/raw", MAILBOX_MANAGERS);
        MATRIX.put("POST /api/v1/mailboxes/{id}/messages/{messageId}/retry", MAILBOX_MANAGERS);
        MATRIX.put("GET /api/v1/mailboxes/{id}/replies", MAILBOX_MANAGERS);
        MATRIX.put("POST /api/v1/mailboxes/{id}/replies/{replyId}/retry", MAILBOX_MANAGERS);
        // Served by Actuator rather than by a controller; listed here so that they are walked too.
        MATRIX.put("POST /api/v1/tickets", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/tickets", TICKET_READERS);
        MATRIX.put("GET /api/v1/tickets/{id}", TICKET_READERS);
        MATRIX.put("PATCH /api/v1/tickets/{id}", TICKET_WRITERS);
        MATRIX.put("POST /api/v1/tickets/{id}/transitions", TICKET_WRITERS);
        MATRIX.put("POST /api/v1/tickets/{id}/assign", TICKET_WRITERS);
        MATRIX.put("POST /api/v1/tickets/bulk-assign", TICKET_DISPATCHERS);
        MATRIX.put("POST /api/v1/tickets/{id}/dispatch", TICKET_DISPATCHERS);
        MATRIX.put("POST /api/v1/tickets/{id}/dispatch/accept", TICKET_WRITERS);
        MATRIX.put("POST /api/v1/tickets/{id}/dispatch/return", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/tickets/{id}/dispatches", TICKET_READERS);
        MATRIX.put("POST /api/v1/tickets/{id}/return-visits", RETURN_VISITORS);
        MATRIX.put("GET /api/v1/tickets/{id}/return-visits", TICKET_READERS);
        MATRIX.put("POST /api/v1/tickets/{id}/replies", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/tickets/{id}/articles", TICKET_READERS);
        MATRIX.put("GET /api/v1/tickets/{id}/history", TICKET_READERS);
        MATRIX.put("POST /api/v1/tickets/{id}/attachments", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/tickets/{id}/attachments", TICKET_READERS);
        MATRIX.put("GET /api/v1/tickets/{id}/attachments/{attachmentId}", TICKET_READERS);
        MATRIX.put("GET /api/v1/tickets/{ticketId}/canned-replies/{id}", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/ticket-types", TICKET_READERS);
        MATRIX.put("POST /api/v1/ticket-types", TICKET_CONFIGURERS);
        MATRIX.put("GET /api/v1/ticket-categories", TICKET_READERS);
        MATRIX.put("POST /api/v1/ticket-categories", TICKET_CONFIGURERS);
        MATRIX.put("GET /api/v1/canned-replies", TICKET_READERS);
        MATRIX.put("POST /api/v1/canned-replies", TICKET_CONFIGURERS);
        MATRIX.put("DELETE /api/v1/canned-replies/{id}", TICKET_CONFIGURERS);
        MATRIX.put("PUT /api/v1/skill-groups/{id}/routing", TICKET_CONFIGURERS);
        MATRIX.put("GET /api/v1/me/shift", TICKET_WRITERS);
        MATRIX.put("PUT /api/v1/me/shift", TICKET_WRITERS);
        MATRIX.put("GET /api/v1/leads", LEAD_WORKERS);
        MATRIX.put("PATCH /api/v1/leads/{id}", LEAD_WORKERS);
        MATRIX.put("GET /admin/ticket-settings", TICKET_CONFIGURERS);
        MATRIX.put("POST /admin/ticket-settings/types", TICKET_CONFIGURERS);
        MATRIX.put("POST /admin/ticket-settings/categories", TICKET_CONFIGURERS);
        MATRIX.put("POST /admin/ticket-settings/canned-replies", TICKET_CONFIGURERS);
        MATRIX.put("POST /admin/ticket-settings/canned-replies/{id}/delete", TICKET_CONFIGURERS);
        MATRIX.put("POST /admin/ticket-settings/routing/{skillGroupId}", TICKET_CONFIGURERS);
        MATRIX.put("GET /calls", CALL_READERS);
        MATRIX.put("GET /calls/new", CALL_WRITERS);
        MATRIX.put("POST /calls", CALL_WRITERS);
        MATRIX.put("GET /calls/queue", CALL_READERS);
        MATRIX.put("GET /calls/{id}", CALL_READERS);
        MATRIX.put("POST /calls/{id}", CALL_WRITERS);
        MATRIX.put("POST /calls/{id}/reveal", "ADMINISTRATOR SUPERVISOR");
        MATRIX.put("POST /api/v1/calls", CALL_WRITERS);
        MATRIX.put("GET /api/v1/calls", CALL_READERS);
        MATRIX.put("GET /api/v1/calls/queue", CALL_READERS);
        MATRIX.put("GET /api/v1/calls/{id}", CALL_READERS);
        MATRIX.put("PATCH /api/v1/calls/{id}", CALL_WRITERS);
        MATRIX.put("GET /knowledge/tickets/{ticketId}/suggested", TICKET_READERS);
        MATRIX.put("POST /knowledge/articles/{id}/uses", TICKET_WRITERS);
        MATRIX.put("GET /tickets/search", TICKET_READERS);
        MATRIX.put("GET /api/v1/tickets/search", TICKET_READERS);
        MATRIX.put("GET /leads", LEAD_WORKERS);
        MATRIX.put("POST /leads/{id}", LEAD_WORKERS);
        MATRIX.put("GET /tickets", TICKET_READERS);
        MATRIX.put("GET /tickets/new", TICKET_WRITERS);
        MATRIX.put("POST /tickets", TICKET_WRITERS);
        MATRIX.put("POST /tickets/bulk-assign", TICKET_DISPATCHERS);
        MATRIX.put("POST /tickets/shift", TICKET_WRITERS);
        MATRIX.put("GET /tickets/{id}", TICKET_READERS);
        MATRIX.put("POST /tickets/{id}/actions", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/replies", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/edit", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/assign", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/dispatch", TICKET_DISPATCHERS);
        MATRIX.put("POST /tickets/{id}/dispatch/accept", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/dispatch/return", TICKET_WRITERS);
        MATRIX.put("POST /tickets/{id}/return-visits", RETURN_VISITORS);
        MATRIX.put("POST /tickets/{id}/attachments", TICKET_WRITERS);
        MATRIX.put("GET /tickets/{id}/attachments/{attachmentId}", TICKET_READERS);
        MATRIX.put("GET /tickets/{id}/canned-replies/{replyId}", TICKET_WRITERS);
        MATRIX.put("GET /portal/login", PUBLIC);
        MATRIX.put("POST /portal/login", PUBLIC);
        MATRIX.put("POST /portal/login/link", PUBLIC);
        MATRIX.put("GET /portal/signup", PUBLIC);
        MATRIX.put("POST /portal/signup", PUBLIC);
        MATRIX.put("GET /portal/password-reset", PUBLIC);
        MATRIX.put("POST /portal/password-reset", PUBLIC);
        MATRIX.put("GET /portal/link", PUBLIC);
        MATRIX.put("POST /portal/link", PUBLIC);
        MATRIX.put("GET /portal/form", PUBLIC);
        MATRIX.put("POST /portal/form", PUBLIC);
        MATRIX.put("GET /portal", PORTAL_CUSTOMERS);
        MATRIX.put("GET /portal/tickets/new", PORTAL_CUSTOMERS);
        MATRIX.put("POST /portal/tickets", PORTAL_CUSTOMERS);
        MATRIX.put("GET /portal/tickets/{id}", PORTAL_CUSTOMERS);
        MATRIX.put("POST /portal/tickets/{id}/replies", PORTAL_CUSTOMERS);
        MATRIX.put("POST /portal/tickets/{id}/rating", PORTAL_CUSTOMERS);
        MATRIX.put("GET /portal/tickets/{id}/files/{fileId}", PORTAL_CUSTOMERS);
        MATRIX.put("GET /portal-invitations/new", CUSTOMER_WRITERS);
        MATRIX.put("POST /portal-invitations", CUSTOMER_WRITERS);
        MATRIX.put("POST /api/v1/customers/{customerId}/portal-invitations", CUSTOMER_WRITERS);
        MATRIX.put("GET /knowledge/articles", KNOWLEDGE_READERS);
        MATRIX.put("GET /knowledge/review", KNOWLEDGE_REVIEWERS);
        MATRIX.put("GET /knowledge/articles/new", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /knowledge/articles", KNOWLEDGE_WRITERS);
        MATRIX.put("GET /knowledge/articles/{id}", KNOWLEDGE_READERS);
        MATRIX.put("GET /knowledge/articles/{id}/edit", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /knowledge/articles/{id}", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /knowledge/articles/{id}/actions", KNOWLEDGE_WORKFLOW);
        MATRIX.put("GET /knowledge/articles/{id}/diff", KNOWLEDGE_READERS);
        MATRIX.put("POST /knowledge/articles/{id}/versions/{number}/restore", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /knowledge/articles/{id}/files", KNOWLEDGE_WRITERS);
        MATRIX.put("GET /knowledge/articles/{id}/files/{fileId}", KNOWLEDGE_READERS);
        MATRIX.put("GET /knowledge/categories", KNOWLEDGE_REVIEWERS);
        MATRIX.put("POST /knowledge/categories", KNOWLEDGE_REVIEWERS);
        MATRIX.put("POST /knowledge/categories/{id}/delete", KNOWLEDGE_REVIEWERS);
        MATRIX.put("GET /knowledge/suggestions", KNOWLEDGE_REVIEWERS);
        MATRIX.put("POST /knowledge/suggestions/{id}/accept", KNOWLEDGE_REVIEWERS);
        MATRIX.put("POST /knowledge/suggestions/{id}/reject", KNOWLEDGE_REVIEWERS);
        MATRIX.put("GET /knowledge/difficult", KNOWLEDGE_READERS);
        MATRIX.put("POST /knowledge/difficult", KNOWLEDGE_WRITERS);
        MATRIX.put("GET /knowledge/difficult/{id}", KNOWLEDGE_READERS);
        MATRIX.put("POST /knowledge/difficult/{id}/comments", KNOWLEDGE_READERS);
        MATRIX.put("POST /knowledge/difficult/{id}/close", KNOWLEDGE_REVIEWERS);
        MATRIX.put("GET /api/v1/knowledge/articles", KNOWLEDGE_READERS);
        MATRIX.put("POST /api/v1/knowledge/articles", KNOWLEDGE_WRITERS);
        MATRIX.put("GET /api/v1/knowledge/articles/{id}", KNOWLEDGE_READERS);
        MATRIX.put("PUT /api/v1/knowledge/articles/{id}", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /api/v1/knowledge/articles/{id}/transitions", KNOWLEDGE_WORKFLOW);
        MATRIX.put("GET /api/v1/knowledge/articles/{id}/versions", KNOWLEDGE_READERS);
        MATRIX.put("POST /api/v1/knowledge/articles/{id}/versions/{number}/restore", KNOWLEDGE_WRITERS);
        MATRIX.put("POST /api/v1/knowledge/articles/{id}/uses", KNOWLEDGE_READERS);
        MATRIX.put("GET /help", PUBLIC);
        MATRIX.put("GET /help/articles/{id}", PUBLIC);
        MATRIX.put("POST /help/articles/{id}/vote", PUBLIC);
        MATRIX.put("POST /help/articles/{id}/suggestions", PUBLIC);
        MATRIX.put("GET /help/articles/{id}/files/{fileId}", PUBLIC);
        MATRIX.put("GET /actuator/health", PUBLIC);
        MATRIX.put("GET /actuator/health/liveness", PUBLIC);
        MATRIX.put("GET /actuator/health/readiness", PUBLIC);
        MATRIX.put("GET /actuator/prometheus", ADMIN);
        MATRIX.put("POST /api/v1/search/rebuild", SEARCH_MANAGERS);
        MATRIX.put("GET /chat/widget.js", PUBLIC);
        MATRIX.put("GET /chat/demo", PUBLIC);
        MATRIX.put("POST /chat/api/visits", PUBLIC);
        MATRIX.put("POST /chat/api/page-views", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/messages", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/files", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/handoff", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/contact", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/leave-message", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/end", CHAT_VISITOR);
        MATRIX.put("POST /chat/api/chats/{id}/rating", CHAT_VISITOR);
        MATRIX.put("GET /chat/api/chats/{id}/events", CHAT_VISITOR);
        // The visitor of the chat by her token, or staff who chat by their session.
        MATRIX.put("GET /chat/api/files/{messageId}", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/presence", CHAT_AGENTS);
        MATRIX.put("PUT /api/v1/chat/presence", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/queue", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/chats", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/chats/{id}", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/take", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/messages", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/files", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/transfer", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/end", CHAT_AGENTS);
        MATRIX.put("POST /api/v1/chat/chats/{id}/ticket", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/events", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/chats/{id}/events", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/files/{messageId}", CHAT_AGENTS);
        MATRIX.put("GET /api/v1/chat/settings", CHAT_MANAGERS);
        MATRIX.put("PUT /api/v1/chat/settings", CHAT_MANAGERS);
    }

    /** The live chat's staff pages (its agent and visitor APIs are listed above). */
    private static final String CHAT_SUPERVISORS = "ADMINISTRATOR SUPERVISOR";

    static {
        MATRIX.put("GET /chat/workspace", CHAT_AGENTS);
        MATRIX.put("GET /chat/workspace/suggestions", CHAT_AGENTS);
        MATRIX.put("GET /chat/monitor", CHAT_SUPERVISORS);
        MATRIX.put("GET /admin/chat", ADMIN);
        MATRIX.put("POST /admin/chat", ADMIN);
    }

    private static final Set<String> ACTUATOR = Set.of("GET /actuator/health", "GET /actuator/health/liveness",
            "GET /actuator/health/readiness", "GET /actuator/prometheus");

    private static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private static final Map<Caller, WebSession> sessions = new EnumMap<>(Caller.class);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @BeforeAll
    static void issueTokenForEveryRole(@Autowired ApiTokenService tokenService, @Autowired StaffRepository staff) {
        for (Caller caller : Caller.values()) {
            if (caller.username != null) {
                long id = staff.findByUsernameIgnoreCase(caller.username).orElseThrow().getId();
                tokens.put(caller, tokenService.issue("matrix-" + caller, id).secret());
            }
        }
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        assertThat(MATRIX.keySet()).containsAll(servedEndpoints());
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixAllows() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> row : MATRIX.entrySet()) {
            String[] methodAndPath = row.getKey().split(" ", 2);
            String method = methodAndPath[0].equals("*") ? "GET" : methodAndPath[0];
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "999999");
            for (Caller caller : Caller.values()) {
                boolean allowed = allows(row.getValue(), caller);
                int status = call(caller, method, path);
                String verdict = verdict(path, caller, allowed, status, row.getValue());
                if (verdict != null) {
                    wrong.add(row.getKey() + " as " + caller + ": " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean allows(String rule, Caller caller) {
        return switch (rule) {
            case PUBLIC -> true;
            case SIGNED_IN -> caller != Caller.ANONYMOUS;
            case CHANNEL_SIGNED -> false;
            case PORTAL_CUSTOMERS -> false;
            case CHAT_VISITOR -> false;
            default -> Set.of(rule.split(" ")).contains(caller.name());
        };
    }

    private static String verdict(String path, Caller caller, boolean allowed, int status, String rule) {
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/chat/api/");
        if (status >= 500) {
            return "server error " + status;
        }
        if (allowed) {
            boolean refused = status == 401 || status == 403 || (!api && status == 302 && caller == Caller.ANONYMOUS);
            return refused ? "refused with " + status + " but should be allowed" : null;
        }
        int expected = rule.equals(PORTAL_CUSTOMERS) ? 302 : rule.equals(CHAT_VISITOR) ? 401
                : caller == Caller.ANONYMOUS || rule.equals(CHANNEL_SIGNED) ? (api ? 401 : 302) : 403;
        return status == expected ? null : "answered " + status + " but should be refused with " + expected;
    }

    private int call(Caller caller, String method, String path) {
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
        if (api) {
            ApiClient client = new ApiClient(port, tokens.get(caller));
            if (method.equals("GET") && path.endsWith("/events")) {
                // An event stream stays open: only its status is read.
                return client.streamStatus(path);
            }
            return client.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}").status();
        }
        WebSession session = sessions.computeIfAbsent(caller, c -> {
            WebSession s = new WebSession(port);
            if (c.username != null) {
                assertThat(s.signIn(c.username, TestAccounts.PASSWORD).location()).doesNotContain("error");
            }
            return s;
        });
        WebSession.Page page = method.equals("GET") ? session.get(path) : session.post(path, Map.of());
        if (page.status() == 302 && page.location() != null && page.location().contains("/login")) {
            return 302;
        }
        return page.status() == 302 ? 200 : page.status();
    }

    private Set<String> servedEndpoints() {
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("* " + pattern);
                }
                methods.forEach(m -> served.add(m.name() + " " + pattern));
            }
        });
        served.addAll(ACTUATOR);
        return served;
    }
}
