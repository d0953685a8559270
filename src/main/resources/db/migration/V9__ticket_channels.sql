-- Messages from channels (email, portal, messaging apps): which channel each conversation entry came by, the
-- customer who wrote it, its sanitised HTML and the quoted history folded away from it; files belong to the entry
-- they came with, and inline images keep the Content-ID their HTML refers to. Customers rate resolved tickets.

ALTER TABLE ticket_article
    ADD COLUMN channel             VARCHAR(20),
    ADD COLUMN author_customer_id  BIGINT,
    ADD COLUMN body_html           TEXT,
    ADD COLUMN quoted              TEXT;

ALTER TABLE ticket_attachment
    ADD COLUMN article_id  BIGINT REFERENCES ticket_article (id),
    ADD COLUMN content_id  VARCHAR(250);
CREATE INDEX ticket_attachment_article ON ticket_attachment (article_id) WHERE article_id IS NOT NULL;

CREATE TABLE ticket_rating (
    ticket_id    BIGINT PRIMARY KEY REFERENCES ticket (id),
    customer_id  BIGINT NOT NULL,
    score        SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment      VARCHAR(2000),
    rated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
