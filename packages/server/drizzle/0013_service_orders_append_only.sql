-- An order's timeline is append-only, like a wish's and the audit log.
CREATE TRIGGER service_order_events_append_only BEFORE UPDATE OR DELETE ON service_order_events
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER service_order_events_no_truncate BEFORE TRUNCATE ON service_order_events
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
