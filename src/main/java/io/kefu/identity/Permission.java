package io.kefu.identity;

/**
 * What a role may do. Each endpoint names the permission it needs; roles grant sets of them.
 * Later capabilities add their own constants (and grant them to the built-in roles in a migration).
 */
public enum Permission {
    /** See the staff directory: staff, departments, skill groups. */
    STAFF_READ,
    /** Create and edit staff, reset their passwords. */
    STAFF_MANAGE,
    /** Edit the department tree. */
    DEPARTMENT_MANAGE,
    /** Create skill groups and set their members. */
    SKILL_GROUP_MANAGE,
    /** Create roles and set their permissions and data scope. */
    ROLE_MANAGE,
    /** Create and revoke API tokens for integrations. */
    API_TOKEN_MANAGE,
    /** Browse the audit log. */
    AUDIT_READ,
    /** See customers within the data scope, their identities masked. */
    CUSTOMER_READ,
    /** Create and edit customers, add notes. */
    CUSTOMER_WRITE,
    /** Reveal a customer's phone numbers, emails and other identities (each reveal is audited). */
    CUSTOMER_REVEAL,
    /** Merge duplicate customers. */
    CUSTOMER_MERGE,
    /** Hand customers from one owner to another in bulk. */
    CUSTOMER_TRANSFER,
    /** Import customers from CSV or XLSX files. */
    CUSTOMER_IMPORT,
    /** Export customers to CSV or XLSX (audited). */
    CUSTOMER_EXPORT,
    /** Define the custom fields customers carry. */
    CUSTOMER_FIELD_MANAGE,
    /** See tickets within the data scope and their conversation. */
    TICKET_READ,
    /** Create tickets, reply, add notes, take and move them through their states. */
    TICKET_WRITE,
    /** Dispatch tickets to departments and skill groups, assign them to others. */
    TICKET_DISPATCH,
    /** Define ticket types, categories, canned replies and how skill groups share tickets. */
    TICKET_CONFIGURE,
    /** Record a return visit and the customer's verdict. */
    RETURN_VISIT_WRITE,
    /** See and work the sales leads flagged in tickets. */
    LEAD_WORK,
    /** See and edit SLA policies and business calendars (working hours, holidays, make-up days). */
    SLA_MANAGE,
    /** See the notification outbox (email, SMS, in-app) and retry deliveries. */
    NOTIFICATION_MANAGE,
    /** See call records of the phone line and the phone-queue figures. */
    CALL_READ,
    /** Log calls by hand, add notes, link calls to customers and tickets. */
    CALL_WRITE,
    /** Set up messaging channels (WeChat, Weibo, apps, webhooks), their secrets and reply connectors. */
    CHANNEL_MANAGE,
    /** Set up the mailboxes of the email channel, read their mail log and retry failed mail. */
    MAILBOX_MANAGE,
    /** Read internal and public knowledge articles, and discuss difficult problems. */
    KNOWLEDGE_READ,
    /** Write and edit knowledge articles, submit them for review, flag tickets as difficult problems. */
    KNOWLEDGE_WRITE,
    /** Publish or send back articles, archive them, keep the categories, review customers' suggestions. */
    KNOWLEDGE_REVIEW,
    /** Rebuild the search index from the database. */
    SEARCH_MANAGE,
    /** Set one's live-chat status, take chats from the queues of one's skill groups, chat, transfer and end. */
    CHAT_AGENT,
    /** See every live chat and watch one as it happens. */
    CHAT_SUPERVISE,
    /** Configure live chat: welcome, menu, office hours, overflow, bot confidence, embedding sites. */
    CHAT_MANAGE
}
