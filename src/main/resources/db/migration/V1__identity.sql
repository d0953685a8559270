-- Identity: departments (a tree), roles with permissions and a data scope, staff, skill groups, API tokens.

CREATE TABLE department (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    parent_id   BIGINT REFERENCES department (id),
    sort_order  INT NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT department_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX department_name_per_parent ON department (COALESCE(parent_id, 0), lower(name));

CREATE TABLE role (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(50) NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    data_scope  VARCHAR(20) NOT NULL CHECK (data_scope IN ('OWN', 'DEPARTMENT', 'ALL')),
    built_in    BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE role_permission (
    role_id     BIGINT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    permission  VARCHAR(60) NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE staff (
    id                   BIGSERIAL PRIMARY KEY,
    username             VARCHAR(50) NOT NULL,
    display_name         VARCHAR(100) NOT NULL,
    email                VARCHAR(200),
    phone                VARCHAR(30),
    department_id        BIGINT REFERENCES department (id),
    password_hash        VARCHAR(200) NOT NULL,
    enabled              BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins        INT NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    password_changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    version              BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_username_unique ON staff (lower(username));
CREATE INDEX staff_department ON staff (department_id);

CREATE TABLE staff_role (
    staff_id  BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role_id   BIGINT NOT NULL REFERENCES role (id),
    PRIMARY KEY (staff_id, role_id)
);

CREATE TABLE skill_group (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    description    VARCHAR(500),
    department_id  BIGINT REFERENCES department (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX skill_group_name_unique ON skill_group (lower(name));

CREATE TABLE skill_group_member (
    skill_group_id  BIGINT NOT NULL REFERENCES skill_group (id) ON DELETE CASCADE,
    staff_id        BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    PRIMARY KEY (skill_group_id, staff_id)
);

CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    staff_id      BIGINT NOT NULL REFERENCES staff (id),
    token_prefix  VARCHAR(16) NOT NULL,
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

-- The built-in roles. Their permissions are granted in this migration; later modules add theirs in their own.
INSERT INTO role (code, name, data_scope, built_in) VALUES
    ('ADMINISTRATOR',      '系统管理员', 'ALL',        TRUE),
    ('SUPERVISOR',         '客服主管',   'DEPARTMENT', TRUE),
    ('AGENT',              '客服专员',   'OWN',        TRUE),
    ('CUSTOMER_MANAGER',   '客户经理',   'OWN',        TRUE),
    ('SALES',              '商务代表',   'OWN',        TRUE),
    ('TECHNICAL_SUPPORT',  '技术支持',   'DEPARTMENT', TRUE),
    ('QUALITY_INSPECTOR',  '质检员',     'ALL',        TRUE);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'STAFF_READ'), ('ADMINISTRATOR', 'STAFF_MANAGE'), ('ADMINISTRATOR', 'DEPARTMENT_MANAGE'),
    ('ADMINISTRATOR', 'SKILL_GROUP_MANAGE'), ('ADMINISTRATOR', 'ROLE_MANAGE'), ('ADMINISTRATOR', 'API_TOKEN_MANAGE'),
    ('ADMINISTRATOR', 'AUDIT_READ'),
    ('SUPERVISOR', 'STAFF_READ'), ('SUPERVISOR', 'SKILL_GROUP_MANAGE'),
    ('QUALITY_INSPECTOR', 'STAFF_READ')
) AS p (role_code, permission) ON p.role_code = r.code;
