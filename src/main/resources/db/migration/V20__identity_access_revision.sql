-- One revision number for everything that decides whom an API token acts for and what she may do: tokens, staff,
-- their roles and the roles' permissions. Every statement that changes them moves it, in the same transaction, so
-- a node may keep tokens' holders in memory and tell with one small read whether they are still current. Marking a
-- token used (last_used_at alone) does not move it.
CREATE TABLE identity_access_revision (
    single    BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single),
    revision  BIGINT NOT NULL
);
INSERT INTO identity_access_revision (revision) VALUES (1);

CREATE FUNCTION identity_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE identity_access_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER api_token_access_changed AFTER INSERT OR DELETE OR TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
CREATE TRIGGER api_token_holder_changed AFTER UPDATE OF staff_id, token_hash, revoked_at ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
CREATE TRIGGER staff_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
CREATE TRIGGER staff_role_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_role
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
CREATE TRIGGER role_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
CREATE TRIGGER role_permission_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permission
    FOR EACH STATEMENT EXECUTE FUNCTION identity_access_changed();
