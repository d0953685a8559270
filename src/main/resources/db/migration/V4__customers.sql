-- Customer 360: one company-owned record per customer, its identities, its timeline, admin-defined fields.
-- owner_id and department_id name staff and departments of the identity module; they are checked through its
-- public API, not by foreign keys, so that the modules stay apart.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customer (
    id               BIGSERIAL PRIMARY KEY,
    type             VARCHAR(20) NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION')),
    name             VARCHAR(200) NOT NULL,
    organization_id  BIGINT REFERENCES customer (id),
    owner_id         BIGINT,
    department_id    BIGINT,
    tier             VARCHAR(50),
    tags             TEXT[] NOT NULL DEFAULT '{}',
    region           VARCHAR(100),
    lifecycle_stage  VARCHAR(20) NOT NULL DEFAULT 'PROSPECT'
        CHECK (lifecycle_stage IN ('PROSPECT', 'EXPLORATION', 'FORMATION', 'STABLE', 'DECLINE', 'CHURNED')),
    birthday         DATE,
    consent_email    BOOLEAN NOT NULL DEFAULT FALSE,
    consent_sms      BOOLEAN NOT NULL DEFAULT FALSE,
    consent_phone    BOOLEAN NOT NULL DEFAULT FALSE,
    attributes       JSONB NOT NULL DEFAULT '{}',
    -- Search keys, derived from the name: Simplified, lower case; its 1- and 2-character pieces; pinyin.
    search_name      TEXT NOT NULL,
    name_grams       TEXT[] NOT NULL,
    pinyin_initials  VARCHAR(200) NOT NULL,
    pinyin_full      VARCHAR(1000) NOT NULL,
    merged_into_id   BIGINT REFERENCES customer (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT customer_not_own_organization CHECK (organization_id IS NULL OR organization_id <> id),
    CONSTRAINT customer_not_merged_into_itself CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
CREATE INDEX customer_name_grams ON customer USING gin (name_grams);
CREATE INDEX customer_pinyin_initials ON customer (pinyin_initials text_pattern_ops);
CREATE INDEX customer_pinyin_full ON customer (pinyin_full text_pattern_ops);
CREATE INDEX customer_owner ON customer (owner_id);
CREATE INDEX customer_department ON customer (department_id);
CREATE INDEX customer_organization ON customer (organization_id);

CREATE TABLE customer_identity (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    kind         VARCHAR(20) NOT NULL
        CHECK (kind IN ('PHONE', 'EMAIL', 'WECHAT_OPENID', 'WECHAT_UNIONID', 'APP_USER_ID', 'MEMBER_NO', 'ID_NUMBER')),
    value        VARCHAR(200) NOT NULL,
    CONSTRAINT customer_identity_unique UNIQUE (kind, value)
);
CREATE INDEX customer_identity_customer ON customer_identity (customer_id);
CREATE INDEX customer_identity_value_trgm ON customer_identity USING gin (value gin_trgm_ops);

CREATE TABLE customer_timeline (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind         VARCHAR(40) NOT NULL,
    actor_name   VARCHAR(100) NOT NULL,
    summary      TEXT,
    source       VARCHAR(30) NOT NULL DEFAULT 'customer'
);
CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, occurred_at DESC, id DESC);

CREATE TABLE customer_field (
    key      VARCHAR(50) PRIMARY KEY CHECK (key ~ '^[a-z][a-zA-Z0-9_]*$'),
    label    VARCHAR(100) NOT NULL,
    type     VARCHAR(20) NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE')),
    options  TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE customer_import (
    id              UUID PRIMARY KEY,
    file_name       VARCHAR(300) NOT NULL,
    status          VARCHAR(20) NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows      INT NOT NULL DEFAULT 0,
    processed_rows  INT NOT NULL DEFAULT 0,
    imported        INT NOT NULL DEFAULT 0,
    duplicates      INT NOT NULL DEFAULT 0,
    rejected        INT NOT NULL DEFAULT 0,
    rejected_report TEXT,
    failure         TEXT,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);

-- Agents and technical support serve every customer who calls; customer managers and sales keep their own.
UPDATE role SET data_scope = 'ALL' WHERE code IN ('AGENT', 'TECHNICAL_SUPPORT');

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('SUPERVISOR', 'CUSTOMER_READ'), ('SUPERVISOR', 'CUSTOMER_WRITE'), ('SUPERVISOR', 'CUSTOMER_REVEAL'),
    ('SUPERVISOR', 'CUSTOMER_MERGE'), ('SUPERVISOR', 'CUSTOMER_TRANSFER'), ('SUPERVISOR', 'CUSTOMER_IMPORT'),
    ('SUPERVISOR', 'CUSTOMER_EXPORT'),
    ('AGENT', 'CUSTOMER_READ'), ('AGENT', 'CUSTOMER_WRITE'),
    ('CUSTOMER_MANAGER', 'CUSTOMER_READ'), ('CUSTOMER_MANAGER', 'CUSTOMER_WRITE'), ('CUSTOMER_MANAGER', 'CUSTOMER_REVEAL'),
    ('CUSTOMER_MANAGER', 'CUSTOMER_MERGE'), ('CUSTOMER_MANAGER', 'CUSTOMER_IMPORT'), ('CUSTOMER_MANAGER', 'CUSTOMER_EXPORT'),
    ('SALES', 'CUSTOMER_READ'), ('SALES', 'CUSTOMER_WRITE'), ('SALES', 'CUSTOMER_REVEAL'),
    ('TECHNICAL_SUPPORT', 'CUSTOMER_READ'),
    ('QUALITY_INSPECTOR', 'CUSTOMER_READ')
) AS p (role_code, permission) ON p.role_code = r.code;
