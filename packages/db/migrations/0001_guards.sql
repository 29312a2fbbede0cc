-- Guards the database keeps itself, whatever code writes to it.

-- 1. Outgoing emails move only along the review state machine of @firmly/core
--    (outgoing-email-state.ts; a test compares this list with it). In particular a
--    `sent` email can never go back to a state from which it could be sent again.
CREATE FUNCTION outgoing_emails_state_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IS DISTINCT FROM OLD.state AND (OLD.state::text, NEW.state::text) NOT IN (
    ('pending_review', 'approved'), ('pending_review', 'rejected'), ('approved', 'rejected'),
    ('pending_review', 'cancelled'), ('approved', 'cancelled'), ('approved', 'sending'),
    ('sending', 'sent'), ('sending', 'failed'), ('sending', 'approved')
  ) THEN
    RAISE EXCEPTION 'outgoing email % cannot go from % to %', OLD.id, OLD.state, NEW.state
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.message_id IS DISTINCT FROM OLD.message_id THEN
    RAISE EXCEPTION 'outgoing email % keeps its Message-ID', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outgoing_emails_state_guard BEFORE UPDATE ON outgoing_emails
  FOR EACH ROW EXECUTE FUNCTION outgoing_emails_state_guard();
--> statement-breakpoint

-- 2. The audit log is append-only. Deleting a whole workspace (tenant removal) is
--    the one way rows leave it: the cascade from workspaces is allowed.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM workspaces WHERE id = OLD.workspace_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
