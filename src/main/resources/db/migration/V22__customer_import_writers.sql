-- Imports write customers by several connections at once and commit them together (docs/architecture.md);
-- between the writers' prepare and their commit an import is COMMITTING.
ALTER TABLE customer_import DROP CONSTRAINT customer_import_status_check;
ALTER TABLE customer_import ADD CONSTRAINT customer_import_status_check
    CHECK (status IN ('RUNNING', 'COMMITTING', 'DONE', 'FAILED'));

-- Every index costs each imported customer (docs/benchmarks.md). An identity is known by its kind and value, so
-- that is its key, and the separate index on its number goes; the number stays, to list identities in the order
-- they were added.
ALTER TABLE customer_identity DROP CONSTRAINT customer_identity_pkey;
ALTER TABLE customer_identity DROP CONSTRAINT customer_identity_unique;
ALTER TABLE customer_identity ADD CONSTRAINT customer_identity_pkey PRIMARY KEY (kind, value);

-- Few customers belong to an organisation; the index now holds only those who do.
DROP INDEX customer_organization;
CREATE INDEX customer_organization ON customer (organization_id) WHERE organization_id IS NOT NULL;
