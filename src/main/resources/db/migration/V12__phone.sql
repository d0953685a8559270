-- The phone line: a record of each call, pushed by the telephone system through the API or logged by hand,
-- matched to the customer by the caller's number and linkable to a ticket.

CREATE TABLE call_record (
    id              BIGSERIAL PRIMARY KEY,
    -- The telephone system's own id of the call: a second push of the same call changes nothing.
    external_id     VARCHAR(100) UNIQUE,
    direction       VARCHAR(10) NOT NULL,
    -- As the telephone system gave it, and in E.164 when it is a number we can read.
    caller_number   VARCHAR(40) NOT NULL,
    caller_e164     VARCHAR(20),
    customer_id     BIGINT,
    agent_id        BIGINT,
    queue_name      VARCHAR(100),
    started_at      TIMESTAMPTZ NOT NULL,
    answered_at     TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    wait_seconds    INT NOT NULL CHECK (wait_seconds >= 0),
    abandoned       BOOLEAN NOT NULL,
    recording_url   VARCHAR(1000),
    notes           VARCHAR(4000),
    ticket_id       BIGINT,
    logged_by       BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (answered_at IS NULL OR answered_at >= started_at),
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    CHECK (NOT (abandoned AND answered_at IS NOT NULL))
);
CREATE INDEX call_record_started ON call_record (started_at DESC);
CREATE INDEX call_record_customer ON call_record (customer_id, started_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX call_record_caller ON call_record (caller_e164) WHERE caller_e164 IS NOT NULL;

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'CALL_READ'), ('ADMINISTRATOR', 'CALL_WRITE'),
    ('SUPERVISOR', 'CALL_READ'), ('SUPERVISOR', 'CALL_WRITE'),
    ('AGENT', 'CALL_READ'), ('AGENT', 'CALL_WRITE'),
    ('QUALITY_INSPECTOR', 'CALL_READ')
) AS p (role_code, permission) ON p.role_code = r.code;
