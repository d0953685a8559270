-- The Kefu processes working on this database, each known by a heartbeat (platform.ClusterNodes): work one of them
-- owns, like a customer import, is failed by the others only once its process is no longer alive.
CREATE TABLE kefu_node (
    id          UUID PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The node an import runs on. Imports from before have none: they belong to no live node.
ALTER TABLE customer_import ADD COLUMN node_id UUID;
