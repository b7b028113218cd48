-- A wish's timeline is append-only, like a case's and the audit log.
CREATE TRIGGER wish_events_append_only BEFORE UPDATE OR DELETE ON wish_events
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER wish_events_no_truncate BEFORE TRUNCATE ON wish_events
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
