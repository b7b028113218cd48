-- The points ledger is append-only, like the audit log: transfers are never changed or removed,
-- a mistake is corrected by a reversing transfer.
CREATE TRIGGER points_transfers_append_only BEFORE UPDATE OR DELETE ON points_transfers
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER points_transfers_no_truncate BEFORE TRUNCATE ON points_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
-- Accounts keep their balance up to date, but are never removed and never change owner or kind.
CREATE TRIGGER points_accounts_no_delete BEFORE DELETE ON points_accounts
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER points_accounts_fixed_identity BEFORE UPDATE OF scheme, kind, owner_id ON points_accounts
  FOR EACH ROW EXECUTE FUNCTION gongzhi_refuse_change();
