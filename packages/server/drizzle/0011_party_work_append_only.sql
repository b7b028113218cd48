-- Visits, patrol check-ins, transfers and post reports are records: never changed or removed.
CREATE TRIGGER party_visits_append_only BEFORE UPDATE OR DELETE ON party_visits
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_visits_no_truncate BEFORE TRUNCATE ON party_visits
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_patrols_append_only BEFORE UPDATE OR DELETE ON party_patrols
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_patrols_no_truncate BEFORE TRUNCATE ON party_patrols
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_transfers_append_only BEFORE UPDATE OR DELETE ON party_transfers
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_transfers_no_truncate BEFORE TRUNCATE ON party_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_post_reports_append_only BEFORE UPDATE OR DELETE ON party_post_reports
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER party_post_reports_no_truncate BEFORE TRUNCATE ON party_post_reports
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
