-- A case's timeline is append-only, like the audit log.
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
-- Case codes: a readable date prefix and a sequence number (HM202611220000123).
CREATE SEQUENCE IF NOT EXISTS case_code_seq;
