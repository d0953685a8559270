-- One revision number for all SLA settings. Every statement that changes a policy or a calendar (its periods and
-- dates included) moves it, in the same transaction, so a node may keep the settings built in memory and tell with
-- one small read whether they are still current, whichever node or script changed them.
CREATE TABLE sla_settings_revision (
    single    BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single),
    revision  BIGINT NOT NULL
);
INSERT INTO sla_settings_revision (revision) VALUES (1);

CREATE FUNCTION sla_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE sla_settings_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER sla_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policy
    FOR EACH STATEMENT EXECUTE FUNCTION sla_settings_changed();
CREATE TRIGGER sla_calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_calendar
    FOR EACH STATEMENT EXECUTE FUNCTION sla_settings_changed();
CREATE TRIGGER sla_calendar_period_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_calendar_period
    FOR EACH STATEMENT EXECUTE FUNCTION sla_settings_changed();
CREATE TRIGGER sla_calendar_date_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_calendar_date
    FOR EACH STATEMENT EXECUTE FUNCTION sla_settings_changed();
