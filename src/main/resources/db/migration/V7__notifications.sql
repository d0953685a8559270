-- Notifications: one outbox row per email, SMS or in-app notification. Written in the caller's transaction, so a
-- notification exists exactly when the change that caused it committed; a worker delivers what is due.
--
-- state: PENDING  waiting for its (next) attempt at next_attempt_at
--        SENDING  claimed by a worker; next_attempt_at is when the claim lapses (a node that died mid-send)
--        SENT     delivered (in-app notifications are SENT when written)
--        FAILED   given up: no address, an address that cannot be valid, or max attempts reached; an
--                 administrator may retry it
CREATE TABLE notification (
    id                  BIGSERIAL PRIMARY KEY,
    channel             VARCHAR(10) NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
    recipient_staff_id  BIGINT,
    address             VARCHAR(320),
    subject             TEXT,
    body                TEXT NOT NULL,
    link                VARCHAR(1000),
    dedup_key           VARCHAR(200),
    state               VARCHAR(10) NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts            INT NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at             TIMESTAMPTZ,
    read_at             TIMESTAMPTZ,
    CONSTRAINT notification_in_app_to_staff CHECK (channel <> 'IN_APP' OR recipient_staff_id IS NOT NULL)
);
CREATE UNIQUE INDEX notification_dedup_key ON notification (dedup_key) WHERE dedup_key IS NOT NULL;
-- What the worker looks for: due rows only, so the index stays small however many were sent.
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');
-- A staff member's inbox, newest first.
CREATE INDEX notification_inbox ON notification (recipient_staff_id, id DESC) WHERE channel = 'IN_APP';
CREATE INDEX notification_state ON notification (state, id DESC);

-- The administrator holds every permission without a list; supervisors watch deliveries and retry them.
INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('SUPERVISOR', 'NOTIFICATION_MANAGE')
) AS p (role_code, permission) ON p.role_code = r.code;
