-- Live chat (issue 7): visitors of the company's site and their page trail, chats with a gap-free message
-- sequence per chat, agents' presence, and the one row of chat settings. customer_id, skill_group_id, agent_id,
-- staff_id, calendar_id and ticket_id name records of other modules; they are checked through those modules.

CREATE TABLE chat_visitor (
    id           BIGSERIAL PRIMARY KEY,
    -- SHA-256 of the visitor token the widget keeps; the token itself is never stored.
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    customer_id  BIGINT,
    name         VARCHAR(200),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX chat_visitor_customer ON chat_visitor (customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE chat_page_view (
    id         BIGSERIAL PRIMARY KEY,
    visitor_id BIGINT NOT NULL REFERENCES chat_visitor (id) ON DELETE CASCADE,
    url        VARCHAR(2000) NOT NULL,
    title      VARCHAR(500),
    referrer   VARCHAR(2000),
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX chat_page_view_visitor ON chat_page_view (visitor_id, at DESC);

CREATE TABLE chat (
    id              BIGSERIAL PRIMARY KEY,
    visitor_id      BIGINT NOT NULL REFERENCES chat_visitor (id),
    customer_id     BIGINT,
    state           VARCHAR(10) NOT NULL CHECK (state IN ('BOT', 'QUEUED', 'ACTIVE', 'ENDED')),
    locale          VARCHAR(20) NOT NULL,
    menu_key        VARCHAR(50),
    skill_group_id  BIGINT,
    agent_id        BIGINT,
    started_at      TIMESTAMPTZ NOT NULL,
    queued_at       TIMESTAMPTZ,
    accepted_at     TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    rating          SMALLINT CHECK (rating BETWEEN 1 AND 5),
    rating_comment  VARCHAR(2000),
    ticket_id       BIGINT,
    bot_misses      INT NOT NULL DEFAULT 0,
    overflow        VARCHAR(10) CHECK (overflow IN ('ROUTED', 'CALLBACK')),
    -- The seq of the chat's last message: the next one takes last_seq + 1 under this row's lock, so seq has no gaps.
    last_seq        INT NOT NULL DEFAULT 0,
    -- Bumped on every change of the chat itself, so a stream knows when to send a new "chat" event.
    version         INT NOT NULL DEFAULT 0
);
CREATE INDEX chat_queue ON chat (skill_group_id, queued_at) WHERE state = 'QUEUED';
CREATE INDEX chat_agent_active ON chat (agent_id) WHERE state = 'ACTIVE';
CREATE INDEX chat_visitor_open ON chat (visitor_id) WHERE state <> 'ENDED';
CREATE INDEX chat_live ON chat (started_at) WHERE state <> 'ENDED';
CREATE INDEX chat_ended ON chat (ended_at) WHERE state = 'ENDED';

CREATE TABLE chat_message (
    id           BIGSERIAL PRIMARY KEY,
    chat_id      BIGINT NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    seq          INT NOT NULL,
    sender_kind  VARCHAR(10) NOT NULL CHECK (sender_kind IN ('VISITOR', 'BOT', 'AGENT', 'SYSTEM')),
    sender_id    BIGINT,
    sender_name  VARCHAR(200),
    text         TEXT NOT NULL DEFAULT '',
    -- A transfer note: shown to staff, never sent to the visitor.
    staff_only   BOOLEAN NOT NULL DEFAULT FALSE,
    file_name    VARCHAR(255),
    file_size    BIGINT,
    file_type    VARCHAR(100),
    file_sha256  VARCHAR(64),
    articles     JSONB,
    client_id    VARCHAR(64),
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (chat_id, seq),
    UNIQUE (chat_id, sender_kind, client_id)
);

CREATE TABLE chat_presence (
    staff_id   BIGINT PRIMARY KEY,
    status     VARCHAR(10) NOT NULL CHECK (status IN ('ONLINE', 'BUSY', 'AWAY', 'OFFLINE')),
    changed_at TIMESTAMPTZ NOT NULL
);

-- Labels of the menu are message keys (chat.menu.*) unless an administrator types her own text.
CREATE TABLE chat_settings (
    id                   SMALLINT PRIMARY KEY CHECK (id = 1),
    welcome              VARCHAR(2000),
    menu                 JSONB NOT NULL,
    calendar_id          BIGINT,
    overflow_limit       INT NOT NULL CHECK (overflow_limit >= 1),
    overflow_group_id    BIGINT,
    max_chats_per_agent  INT NOT NULL CHECK (max_chats_per_agent >= 1),
    bot_confidence       DOUBLE PRECISION NOT NULL CHECK (bot_confidence >= 0 AND bot_confidence <= 1),
    allowed_origins      JSONB NOT NULL,
    -- Generated at first start by the application (SecureRandom); an administrator may replace it.
    identity_secret      VARCHAR(200)
);
INSERT INTO chat_settings (id, welcome, menu, calendar_id, overflow_limit, overflow_group_id, max_chats_per_agent,
                           bot_confidence, allowed_origins, identity_secret)
VALUES (1, NULL, '[{"key": "consult", "label": "chat.menu.consult", "skillGroupId": null},
                   {"key": "inquiry", "label": "chat.menu.inquiry", "skillGroupId": null},
                   {"key": "service", "label": "chat.menu.service", "skillGroupId": null},
                   {"key": "afterSales", "label": "chat.menu.afterSales", "skillGroupId": null},
                   {"key": "complaint", "label": "chat.menu.complaint", "skillGroupId": null},
                   {"key": "other", "label": "chat.menu.other", "skillGroupId": null}]',
        NULL, 10, NULL, 5, 0.6, '[]', NULL);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'CHAT_SUPERVISE'), ('ADMINISTRATOR', 'CHAT_MANAGE'),
    ('SUPERVISOR', 'CHAT_AGENT'), ('SUPERVISOR', 'CHAT_SUPERVISE'),
    ('AGENT', 'CHAT_AGENT')
) AS p (role_code, permission) ON p.role_code = r.code;
