-- Messaging channels (WeChat official accounts and WeCom bridges, Weibo, apps, any other system): each posts its
-- customers' messages to Kefu signed with its inbound secret, and receives agents' replies through its connector (a
-- webhook signed with the connector's own secret). Secrets are kept as given to the channel, since verifying and
-- signing an HMAC needs them; Kefu shows each one only when it is created or rotated.
CREATE TABLE channel (
    id                BIGSERIAL PRIMARY KEY,
    name              VARCHAR(100) NOT NULL UNIQUE,
    kind              VARCHAR(30)  NOT NULL,
    identity_kind     VARCHAR(30)  NOT NULL,
    inbound_secret    VARCHAR(100) NOT NULL,
    connector_url     VARCHAR(1000),
    connector_secret  VARCHAR(100) NOT NULL,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every message a channel delivered, once: the primary key refuses a second delivery of the same message id. The
-- row is written in the transaction that adds the message to its ticket, so a crash leaves both or neither. It
-- also says which conversation and sender a ticket belongs to, for threading and for sending replies back.
CREATE TABLE channel_message (
    channel_id       BIGINT       NOT NULL REFERENCES channel (id),
    message_id       VARCHAR(200) NOT NULL,
    sender_id        VARCHAR(200) NOT NULL,
    conversation_id  VARCHAR(200),
    customer_id      BIGINT,
    ticket_id        BIGINT,
    article_id       BIGINT,
    sent_at          TIMESTAMPTZ,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_id, message_id)
);
CREATE INDEX channel_message_ticket ON channel_message (ticket_id, received_at DESC);
CREATE INDEX channel_message_sender ON channel_message (channel_id, sender_id, received_at DESC);
CREATE INDEX channel_message_conversation ON channel_message (channel_id, conversation_id, received_at DESC)
    WHERE conversation_id IS NOT NULL;

-- Replies on their way out: written in the transaction that learns of the reply, sent after it commits, retried
-- with growing waits while the receiver is down. One row per reply (article). No secret or address is stored here:
-- they are read from the channel at each attempt, so a corrected address or a rotated secret applies to waiting
-- replies too.
CREATE TABLE channel_delivery (
    id               BIGSERIAL PRIMARY KEY,
    channel_id       BIGINT        NOT NULL REFERENCES channel (id),
    ticket_id        BIGINT        NOT NULL,
    ticket_number    VARCHAR(30)   NOT NULL,
    article_id       BIGINT        NOT NULL UNIQUE,
    recipient_id     VARCHAR(200)  NOT NULL,
    conversation_id  VARCHAR(200),
    text             TEXT          NOT NULL,
    agent_name       VARCHAR(100),
    state            VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX channel_delivery_due ON channel_delivery (next_attempt_at) WHERE state <> 'DELIVERED';
CREATE INDEX channel_delivery_channel ON channel_delivery (channel_id, id DESC);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'CHANNEL_MANAGE')
) AS p (role_code, permission) ON p.role_code = r.code;
