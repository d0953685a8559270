-- Work orders (工单): types, a category tree, tickets with their conversation, field history, dispatch records,
-- attachments, canned replies, return visits, leads, agents' shifts and the idempotency keys of the API.

CREATE TABLE ticket_type (
    code                   VARCHAR(40) PRIMARY KEY,
    name                   VARCHAR(100) NOT NULL,
    built_in               BOOLEAN NOT NULL DEFAULT FALSE,
    -- A ticket of this type cannot be closed before a return visit records the customer's verdict.
    requires_return_visit  BOOLEAN NOT NULL DEFAULT FALSE,
    position               INT NOT NULL DEFAULT 100
);

INSERT INTO ticket_type (code, name, built_in, requires_return_visit, position) VALUES
    ('CONSULTATION',    '咨询',     TRUE, FALSE, 10),
    ('REPAIR',          '故障报修', TRUE, FALSE, 20),
    ('SERVICE_REQUEST', '服务申请', TRUE, FALSE, 30),
    ('COMPLAINT',       '投诉',     TRUE, TRUE,  40),
    ('SUGGESTION',      '建议',     TRUE, FALSE, 50),
    ('OPINION',         '意见',     TRUE, FALSE, 60),
    ('REPORT',          '举报',     TRUE, FALSE, 70),
    ('PRAISE',          '表扬',     TRUE, FALSE, 80);

CREATE TABLE ticket_category (
    id         BIGSERIAL PRIMARY KEY,
    parent_id  BIGINT REFERENCES ticket_category (id),
    name       VARCHAR(100) NOT NULL,
    position   INT NOT NULL DEFAULT 100
);
CREATE UNIQUE INDEX ticket_category_name_unique ON ticket_category (COALESCE(parent_id, 0), lower(name));

CREATE TABLE ticket (
    id                      BIGSERIAL PRIMARY KEY,
    customer_id             BIGINT NOT NULL,
    type_code               VARCHAR(40) NOT NULL REFERENCES ticket_type (code),
    priority                VARCHAR(10) NOT NULL,
    channel                 VARCHAR(20) NOT NULL,
    category_id             BIGINT REFERENCES ticket_category (id),
    subject                 VARCHAR(200) NOT NULL,
    description             TEXT NOT NULL,
    custom_fields           JSONB NOT NULL DEFAULT '{}',
    state                   VARCHAR(30) NOT NULL,
    -- 首问负责制: the first staff member to take the case answers for it until it is closed.
    owner_id                BIGINT,
    assignee_id             BIGINT,
    department_id           BIGINT,
    skill_group_id          BIGINT,
    created_by              BIGINT,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    first_responded_at      TIMESTAMPTZ,
    resolved_at             TIMESTAMPTZ,
    closed_at               TIMESTAMPTZ,
    return_visit_verdict    VARCHAR(20),
    -- Copies of the SLA clocks' deadlines, kept by this module so queues filter and sort on them.
    next_due_at             TIMESTAMPTZ,
    sla_state               VARCHAR(20) NOT NULL DEFAULT 'NONE',
    version                 BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ticket_customer ON ticket (customer_id, id DESC);
CREATE INDEX ticket_open_assignee ON ticket (assignee_id, id DESC) WHERE state NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ticket_open_group ON ticket (skill_group_id, id DESC) WHERE state NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ticket_open_department ON ticket (department_id, id DESC) WHERE state NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ticket_unassigned ON ticket (id DESC) WHERE assignee_id IS NULL AND state NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ticket_open_due ON ticket (next_due_at) WHERE next_due_at IS NOT NULL AND state NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ticket_owner ON ticket (owner_id, id DESC);

CREATE TABLE ticket_article (
    id               BIGSERIAL PRIMARY KEY,
    ticket_id        BIGINT NOT NULL REFERENCES ticket (id),
    kind             VARCHAR(20) NOT NULL,
    body             TEXT NOT NULL,
    author_staff_id  BIGINT,
    author_name      VARCHAR(100) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_article_ticket ON ticket_article (ticket_id, id);

CREATE TABLE ticket_history (
    id          BIGSERIAL PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES ticket (id),
    actor_name  VARCHAR(100) NOT NULL,
    field       VARCHAR(40) NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);

-- Each dispatch (派单) to a department or skill group, and what the receiver did with it.
CREATE TABLE ticket_dispatch (
    id              BIGSERIAL PRIMARY KEY,
    ticket_id       BIGINT NOT NULL REFERENCES ticket (id),
    department_id   BIGINT,
    skill_group_id  BIGINT,
    handler_id      BIGINT,
    state           VARCHAR(20) NOT NULL,
    note            VARCHAR(1000),
    reason          VARCHAR(1000),
    dispatched_by   BIGINT NOT NULL,
    -- Where the ticket was before, so a returned dispatch puts it back.
    previous_assignee_id        BIGINT,
    previous_department_id      BIGINT,
    previous_skill_group_id     BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at     TIMESTAMPTZ,
    CHECK (department_id IS NOT NULL OR skill_group_id IS NOT NULL)
);
CREATE INDEX ticket_dispatch_ticket ON ticket_dispatch (ticket_id, id);
CREATE INDEX ticket_dispatch_pending ON ticket_dispatch (state) WHERE state = 'PENDING';

CREATE TABLE ticket_attachment (
    id            BIGSERIAL PRIMARY KEY,
    ticket_id     BIGINT NOT NULL REFERENCES ticket (id),
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    sha256        CHAR(64) NOT NULL,
    storage_key   VARCHAR(300) NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_attachment_ticket ON ticket_attachment (ticket_id, id);

CREATE TABLE canned_reply (
    id          BIGSERIAL PRIMARY KEY,
    title       VARCHAR(100) NOT NULL,
    body        TEXT NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO canned_reply (title, body, created_by) VALUES
    ('受理确认', '{{customer.name}}您好，您的工单 {{ticket.number}}（{{ticket.subject}}）已受理，我们会尽快处理。客服 {{agent.name}}', 'system'),
    ('等待客户补充', '{{customer.name}}您好，为便于处理工单 {{ticket.number}}，请补充相关信息（如截图、发生时间）。客服 {{agent.name}}', 'system'),
    ('已解决', '{{customer.name}}您好，工单 {{ticket.number}} 已处理完毕，如仍有问题请随时联系我们。客服 {{agent.name}}', 'system');

CREATE TABLE return_visit (
    id          BIGSERIAL PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES ticket (id),
    verdict     VARCHAR(20) NOT NULL,
    comment     VARCHAR(2000),
    visited_by  BIGINT NOT NULL,
    visited_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX return_visit_ticket ON return_visit (ticket_id, id);

-- An upsell or new-business opportunity flagged in a reply or note; the sales department works it.
CREATE TABLE lead (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    ticket_id    BIGINT NOT NULL REFERENCES ticket (id),
    description  VARCHAR(2000) NOT NULL,
    state        VARCHAR(20) NOT NULL DEFAULT 'NEW',
    created_by   BIGINT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX lead_state ON lead (state, id DESC);

-- Who is on shift: automatic assignment skips the others. No row means on shift.
CREATE TABLE agent_shift (
    staff_id    BIGINT PRIMARY KEY,
    on_shift    BOOLEAN NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- How a skill group shares its tickets, and whose turn it is.
CREATE TABLE ticket_routing (
    skill_group_id  BIGINT PRIMARY KEY,
    strategy        VARCHAR(20) NOT NULL,
    last_staff_id   BIGINT
);

CREATE TABLE ticket_idempotency (
    caller_id       BIGINT NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_sha256  CHAR(64) NOT NULL,
    ticket_id       BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller_id, idempotency_key)
);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'TICKET_READ'), ('ADMINISTRATOR', 'TICKET_WRITE'), ('ADMINISTRATOR', 'TICKET_DISPATCH'),
    ('ADMINISTRATOR', 'TICKET_CONFIGURE'), ('ADMINISTRATOR', 'RETURN_VISIT_WRITE'), ('ADMINISTRATOR', 'LEAD_WORK'),
    ('SUPERVISOR', 'TICKET_READ'), ('SUPERVISOR', 'TICKET_WRITE'), ('SUPERVISOR', 'TICKET_DISPATCH'),
    ('SUPERVISOR', 'TICKET_CONFIGURE'), ('SUPERVISOR', 'RETURN_VISIT_WRITE'),
    ('AGENT', 'TICKET_READ'), ('AGENT', 'TICKET_WRITE'), ('AGENT', 'TICKET_DISPATCH'), ('AGENT', 'RETURN_VISIT_WRITE'),
    ('TECHNICAL_SUPPORT', 'TICKET_READ'), ('TECHNICAL_SUPPORT', 'TICKET_WRITE'),
    ('CUSTOMER_MANAGER', 'TICKET_READ'), ('CUSTOMER_MANAGER', 'RETURN_VISIT_WRITE'), ('CUSTOMER_MANAGER', 'LEAD_WORK'),
    ('SALES', 'LEAD_WORK'),
    ('QUALITY_INSPECTOR', 'TICKET_READ')
) AS p (role_code, permission) ON p.role_code = r.code;

-- Spring Modulith's event publication registry (its schema v2 for PostgreSQL): events for listeners in other
-- modules are stored with the transaction that raised them and handed out again after a crash.
CREATE TABLE event_publication (
    id                      UUID NOT NULL PRIMARY KEY,
    listener_id             TEXT NOT NULL,
    event_type              TEXT NOT NULL,
    serialized_event        TEXT NOT NULL,
    publication_date        TIMESTAMPTZ NOT NULL,
    completion_date         TIMESTAMPTZ,
    status                  TEXT,
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
