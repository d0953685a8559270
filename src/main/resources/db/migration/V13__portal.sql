-- The customer portal: customers' own accounts (not staff), one-time links sent to them by email, and what the
-- public web form needs to refuse spam on several nodes at once.
--
-- An account names its customer only once its email is verified (by a link sent to it): until then nobody can see
-- the tickets of the customer that email belongs to.
CREATE TABLE portal_account (
    id               BIGSERIAL PRIMARY KEY,
    customer_id      BIGINT,
    name             VARCHAR(100) NOT NULL,
    email            VARCHAR(254) NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash    VARCHAR(200),
    verified         BOOLEAN NOT NULL DEFAULT false,
    language         VARCHAR(10) NOT NULL DEFAULT 'zh-CN',
    failed_sign_ins  INT NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_sign_in_at  TIMESTAMPTZ,
    CONSTRAINT portal_account_verified_customer CHECK (NOT verified OR customer_id IS NOT NULL)
);
CREATE INDEX portal_account_customer ON portal_account (customer_id) WHERE customer_id IS NOT NULL;

-- Links sent by email, kept as SHA-256 hashes; each is used once. A sign-up's password waits on its VERIFY link
-- (pending_password_hash) and only becomes the account's password when that link is followed.
CREATE TABLE portal_token (
    id                     BIGSERIAL PRIMARY KEY,
    account_id             BIGINT NOT NULL REFERENCES portal_account (id),
    purpose                VARCHAR(20) NOT NULL CHECK (purpose IN ('SIGN_IN_LINK', 'VERIFY', 'INVITE', 'RESET')),
    token_hash             CHAR(64) NOT NULL UNIQUE,
    pending_password_hash  VARCHAR(200),
    expires_at             TIMESTAMPTZ NOT NULL,
    used_at                TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX portal_token_account ON portal_token (account_id) WHERE used_at IS NULL;

-- Requests from the public pages (web form, sign-up, emailed links) counted per client address and per email
-- over a sliding window; rows older than the window are deleted as new ones arrive.
CREATE TABLE portal_request (
    id          BIGSERIAL PRIMARY KEY,
    key_kind    VARCHAR(10) NOT NULL CHECK (key_kind IN ('ADDRESS', 'EMAIL')),
    key_value   VARCHAR(254) NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX portal_request_key ON portal_request (key_kind, key_value, at);
CREATE INDEX portal_request_at ON portal_request (at);

-- The email a web form's sender gave for her ticket, to tell her of replies when she has no verified account.
CREATE TABLE portal_form_ticket (
    ticket_id  BIGINT PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    language   VARCHAR(10) NOT NULL
);
