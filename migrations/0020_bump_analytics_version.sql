-- Decision 0015: the dashboard's cached answers are valid for one version of what they read.
-- Every statement that changes it bumps the version in its own transaction, so the new version
-- becomes visible exactly when the change does (a reader sees either the old data and the old
-- version, or the new data and the new version). Statement-level: one bump per statement, however
-- many rows it writes.
INSERT INTO analytics_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION analytics_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_version_cells AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON analytics_cells
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_queue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON analytics_refresh_queue
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_indicators AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_definitions
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_settings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jurisdiction_settings
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_key_industries AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_industries
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_plan_periods AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_periods
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_fund AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fund_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
--> statement-breakpoint
CREATE TRIGGER analytics_version_jurisdictions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jurisdictions
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_bump_version();
