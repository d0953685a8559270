-- The email channel: mailboxes polled over IMAP (or fed by an MTA pipe), every inbound message kept raw, and an
-- outbox of replies delivered over SMTP with retries.

CREATE TABLE email_mailbox (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(100) NOT NULL,
    address            VARCHAR(320) NOT NULL,
    display_name       VARCHAR(100),
    imap_host          VARCHAR(255),
    imap_port          INT,
    imap_tls           BOOLEAN NOT NULL DEFAULT TRUE,
    imap_username      VARCHAR(320),
    imap_password      VARCHAR(500),
    imap_folder        VARCHAR(200) NOT NULL DEFAULT 'INBOX',
    -- No SMTP host: replies go out through the application's spring.mail.* server.
    smtp_host          VARCHAR(255),
    smtp_port          INT,
    smtp_tls           BOOLEAN NOT NULL DEFAULT FALSE,
    smtp_username      VARCHAR(320),
    smtp_password      VARCHAR(500),
    poll_seconds       INT NOT NULL DEFAULT 60 CHECK (poll_seconds > 0),
    signature_template TEXT,
    enabled            BOOLEAN NOT NULL DEFAULT TRUE,
    -- Where polling stands: a new UIDVALIDITY means the server renumbered the folder and it is read again (the
    -- Message-ID keeps what was stored from being stored twice).
    uid_validity       BIGINT,
    last_uid           BIGINT NOT NULL DEFAULT 0,
    next_poll_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_polled_at     TIMESTAMPTZ,
    last_poll_error    VARCHAR(1000),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX email_mailbox_address ON email_mailbox (lower(address));

-- kind: TICKET (opened or joined a ticket), AUTO_REPLY, BOUNCE, LOOP (never open a ticket, never answered),
--       FAILED (could not be parsed or stored; kept raw with the error for an administrator to retry)
CREATE TABLE email_message (
    id             BIGSERIAL PRIMARY KEY,
    mailbox_id     BIGINT NOT NULL REFERENCES email_mailbox (id),
    -- The Message-ID, or "sha256:<hex>" of the raw bytes when the message has none.
    message_key    VARCHAR(1000) NOT NULL,
    kind           VARCHAR(20) NOT NULL CHECK (kind IN ('TICKET', 'AUTO_REPLY', 'BOUNCE', 'LOOP', 'FAILED')),
    ticket_id      BIGINT,
    from_address   VARCHAR(320),
    from_name      VARCHAR(200),
    subject        VARCHAR(1000),
    error          VARCHAR(1000),
    raw            BYTEA NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT email_message_once UNIQUE (mailbox_id, message_key)
);
CREATE INDEX email_message_log ON email_message (mailbox_id, id DESC);
CREATE INDEX email_message_ticket ON email_message (ticket_id, id) WHERE ticket_id IS NOT NULL;
CREATE INDEX email_message_key ON email_message (message_key);

-- state: PENDING (waiting for its next attempt), SENT, FAILED (cannot be sent as it is, e.g. an invalid address)
CREATE TABLE email_outbox (
    id              BIGSERIAL PRIMARY KEY,
    mailbox_id      BIGINT NOT NULL REFERENCES email_mailbox (id),
    ticket_id       BIGINT NOT NULL,
    article_id      BIGINT NOT NULL UNIQUE,
    message_id      VARCHAR(1000) NOT NULL,
    in_reply_to     VARCHAR(1000),
    reference_ids   TEXT,
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            TEXT NOT NULL,
    author_name     VARCHAR(100),
    state           VARCHAR(10) NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX email_outbox_mailbox ON email_outbox (mailbox_id, id DESC);
CREATE INDEX email_outbox_ticket ON email_outbox (ticket_id, id);
CREATE INDEX email_outbox_message_id ON email_outbox (message_id);

-- A staff member's own signature under her email replies.
CREATE TABLE email_signature (
    staff_id    BIGINT PRIMARY KEY,
    signature   TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The administrator holds every permission without a list; the row states that mailboxes are hers.
INSERT INTO role_permission (role_id, permission)
SELECT r.id, 'MAILBOX_MANAGE' FROM role r WHERE r.code = 'ADMINISTRATOR';
