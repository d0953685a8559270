-- The knowledge base (知识库): articles in a category tree with every saved change kept as a version, their review
-- workflow, files, counters and expiry; the public help centre's votes and suggestions; difficult problems flagged
-- from tickets. Tickets, staff and customers are named by id only and checked through their modules' public APIs.

-- Points a customer earns, e.g. for an accepted suggestion to the help centre; each award is on her timeline.
ALTER TABLE customer ADD COLUMN loyalty_points INT NOT NULL DEFAULT 0;

CREATE TABLE kb_category (
    id         BIGSERIAL PRIMARY KEY,
    parent_id  BIGINT REFERENCES kb_category (id),
    name       VARCHAR(100) NOT NULL,
    position   INT NOT NULL DEFAULT 0,
    CONSTRAINT kb_category_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE kb_article (
    id                  BIGSERIAL PRIMARY KEY,
    title               VARCHAR(200) NOT NULL,
    body                TEXT NOT NULL,
    visibility          VARCHAR(10) NOT NULL CHECK (visibility IN ('INTERNAL', 'PUBLIC')),
    state               VARCHAR(12) NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    category_id         BIGINT REFERENCES kb_category (id),
    tags                TEXT[] NOT NULL DEFAULT '{}',
    owner_id            BIGINT NOT NULL,
    owner_name          VARCHAR(100) NOT NULL,
    expires_on          DATE,
    -- The expiry date the owner was last reminded of: one reminder per date, a new date earns a new one.
    reminded_expiry_on  DATE,
    current_version     INT NOT NULL DEFAULT 1,
    source_ticket_id    BIGINT,
    views               BIGINT NOT NULL DEFAULT 0,
    helpful_votes       INT NOT NULL DEFAULT 0,
    unhelpful_votes     INT NOT NULL DEFAULT 0,
    reply_uses          INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at        TIMESTAMPTZ
);
CREATE INDEX kb_article_state ON kb_article (state, updated_at DESC);
CREATE INDEX kb_article_category ON kb_article (category_id);
CREATE INDEX kb_article_expiry ON kb_article (expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX kb_article_public ON kb_article (views DESC) WHERE state = 'PUBLISHED' AND visibility = 'PUBLIC';

CREATE TABLE kb_article_version (
    article_id   BIGINT NOT NULL REFERENCES kb_article (id),
    number       INT NOT NULL,
    title        VARCHAR(200) NOT NULL,
    body         TEXT NOT NULL,
    visibility   VARCHAR(10) NOT NULL,
    category_id  BIGINT,
    tags         TEXT[] NOT NULL DEFAULT '{}',
    expires_on   DATE,
    author_name  VARCHAR(100) NOT NULL,
    note         VARCHAR(200),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, number)
);

-- Every move through the workflow, with the reviewer's comment when an article is sent back.
CREATE TABLE kb_article_event (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES kb_article (id),
    action      VARCHAR(20) NOT NULL,
    from_state  VARCHAR(12) NOT NULL,
    to_state    VARCHAR(12) NOT NULL,
    comment     TEXT,
    actor_name  VARCHAR(100) NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kb_article_event_article ON kb_article_event (article_id, id);

CREATE TABLE kb_attachment (
    id            BIGSERIAL PRIMARY KEY,
    article_id    BIGINT NOT NULL REFERENCES kb_article (id),
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(150) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    sha256        CHAR(64) NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kb_attachment_article ON kb_attachment (article_id);

-- "Was this helpful?" from the help centre: one vote per article and browser session (a random visitor key kept
-- in the session, stored here as its SHA-256).
CREATE TABLE kb_vote (
    id           BIGSERIAL PRIMARY KEY,
    article_id   BIGINT NOT NULL REFERENCES kb_article (id),
    visitor_key  CHAR(64) NOT NULL,
    helpful      BOOLEAN NOT NULL,
    comment      TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT kb_vote_once UNIQUE (article_id, visitor_key)
);

CREATE TABLE kb_suggestion (
    id              BIGSERIAL PRIMARY KEY,
    article_id      BIGINT NOT NULL REFERENCES kb_article (id),
    name            VARCHAR(100) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    text            TEXT NOT NULL,
    client_address  VARCHAR(64) NOT NULL,
    state           VARCHAR(10) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    customer_id     BIGINT,
    points          INT,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kb_suggestion_pending ON kb_suggestion (created_at) WHERE state = 'PENDING';
CREATE INDEX kb_suggestion_address ON kb_suggestion (client_address, created_at);

-- Difficult problems (疑难问题): a ticket flagged by an agent, discussed, closed by the article that answers it.
CREATE TABLE kb_difficult_problem (
    id               BIGSERIAL PRIMARY KEY,
    ticket_id        BIGINT NOT NULL,
    ticket_number    VARCHAR(30) NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    note             TEXT,
    state            VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'CLOSED')),
    flagged_by       VARCHAR(100) NOT NULL,
    article_id       BIGINT REFERENCES kb_article (id),
    closed_by        VARCHAR(100),
    closed_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT kb_difficult_closed_with_article CHECK (state = 'OPEN' OR article_id IS NOT NULL)
);
-- A ticket is one open difficult problem at most.
CREATE UNIQUE INDEX kb_difficult_open_ticket ON kb_difficult_problem (ticket_id) WHERE state = 'OPEN';

CREATE TABLE kb_difficult_comment (
    id           BIGSERIAL PRIMARY KEY,
    problem_id   BIGINT NOT NULL REFERENCES kb_difficult_problem (id),
    author_name  VARCHAR(100) NOT NULL,
    text         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX kb_difficult_comment_problem ON kb_difficult_comment (problem_id, id);

INSERT INTO role_permission (role_id, permission)
SELECT r.id, p.permission
FROM role r
JOIN (VALUES
    ('ADMINISTRATOR', 'KNOWLEDGE_READ'), ('ADMINISTRATOR', 'KNOWLEDGE_WRITE'), ('ADMINISTRATOR', 'KNOWLEDGE_REVIEW'),
    ('SUPERVISOR', 'KNOWLEDGE_READ'), ('SUPERVISOR', 'KNOWLEDGE_WRITE'), ('SUPERVISOR', 'KNOWLEDGE_REVIEW'),
    ('AGENT', 'KNOWLEDGE_READ'), ('AGENT', 'KNOWLEDGE_WRITE'),
    ('TECHNICAL_SUPPORT', 'KNOWLEDGE_READ'), ('TECHNICAL_SUPPORT', 'KNOWLEDGE_WRITE'),
    ('QUALITY_INSPECTOR', 'KNOWLEDGE_READ'), ('QUALITY_INSPECTOR', 'KNOWLEDGE_REVIEW'),
    ('CUSTOMER_MANAGER', 'KNOWLEDGE_READ'),
    ('SALES', 'KNOWLEDGE_READ')
) AS p (role_code, permission) ON p.role_code = r.code;
