-- The audit log is append-only: the database itself refuses to change or remove an entry.

CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id     BIGINT,
    actor_name   VARCHAR(100) NOT NULL,
    action       VARCHAR(80) NOT NULL,
    target_type  VARCHAR(50),
    target_id    VARCHAR(100),
    details      TEXT,
    ip_address   VARCHAR(64)
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id);
CREATE INDEX audit_entry_actor ON audit_entry (actor_name);
CREATE INDEX audit_entry_action ON audit_entry (action);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
