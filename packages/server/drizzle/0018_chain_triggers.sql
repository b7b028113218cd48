-- TRUNCATE bypasses row triggers: refuse it on every append-only table that did not refuse it yet.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER points_accounts_no_truncate BEFORE TRUNCATE ON points_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
-- Chained tables stay append-only, with one exception: the sealer may set a row's place in its
-- chain and its hash once, while both are empty, and change nothing else.
CREATE OR REPLACE FUNCTION gongzhi_refuse_change_but_seal() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.chain_hash IS NULL AND OLD.chain_seq IS NULL
       AND NEW.chain_hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
       AND (to_jsonb(NEW) - 'chain_hash' - 'chain_seq') = (to_jsonb(OLD) - 'chain_hash' - 'chain_seq') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER audit_log_append_only ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change_but_seal();
--> statement-breakpoint
DROP TRIGGER case_events_append_only ON case_events;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change_but_seal();
--> statement-breakpoint
DROP TRIGGER points_transfers_append_only ON points_transfers;
--> statement-breakpoint
CREATE TRIGGER points_transfers_append_only BEFORE UPDATE OR DELETE ON points_transfers
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change_but_seal();
