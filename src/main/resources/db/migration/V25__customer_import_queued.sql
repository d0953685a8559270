-- An import waits its turn (at most two run at once per node) as QUEUED, shown as such, instead of as running at 0 %.
ALTER TABLE customer_import DROP CONSTRAINT customer_import_status_check;
ALTER TABLE customer_import ADD CONSTRAINT customer_import_status_check
    CHECK (status IN ('QUEUED', 'RUNNING', 'COMMITTING', 'DONE', 'FAILED'));
