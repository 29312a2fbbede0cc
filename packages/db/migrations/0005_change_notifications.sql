-- Change notifications. The API keeps in-memory caches (review queue pages, API-key
-- lookups); PostgreSQL is the record, and api and workers both write to it. Each
-- change that can alter a cached answer sends NOTIFY firmly_changes '<table>:<workspace id>',
-- and @firmly/db's change feed (change-feed.ts) turns that into per-workspace
-- generation numbers, so every process drops what it cached for that workspace.
--
-- NOTIFY is transactional: nothing is sent if the change rolls back, and identical
-- (channel, payload) pairs are sent once per transaction, so a bulk write costs one
-- notification per table and workspace. TRUNCATE fires no row trigger; firmly never
-- truncates these tables outside tests.

CREATE FUNCTION notify_workspace_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- NEW is not set in a DELETE trigger (and OLD not in an INSERT one): branch, never guess.
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('firmly_changes', TG_TABLE_NAME || ':' || OLD.workspace_id::text);
  ELSE
    PERFORM pg_notify('firmly_changes', TG_TABLE_NAME || ':' || NEW.workspace_id::text);
  END IF;
  RETURN NULL; -- AFTER trigger: the result is ignored
END;
$$;
--> statement-breakpoint

-- 1. Drafts are what the review queue lists: every real change counts. The WHEN
--    clause skips updates that rewrite a row with the values it already had.
CREATE TRIGGER outgoing_emails_notify_change_ins AFTER INSERT ON outgoing_emails
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER outgoing_emails_notify_change_upd AFTER UPDATE ON outgoing_emails
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER outgoing_emails_notify_change_del AFTER DELETE ON outgoing_emails
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 2. The queue shows each draft's client (name, status, calendar for send times).
CREATE TRIGGER clients_notify_change_ins AFTER INSERT ON clients
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER clients_notify_change_upd AFTER UPDATE ON clients
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER clients_notify_change_del AFTER DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 3. The queue shows a draft's thread subject, nothing else of the thread. Mail sync
--    rewrites threads all the time (last_message_at, updated_at), so only a subject
--    change notifies. A new thread has no draft yet, so inserts do not notify.
CREATE TRIGGER threads_notify_change_upd AFTER UPDATE ON threads
  FOR EACH ROW WHEN (OLD.subject IS DISTINCT FROM NEW.subject) EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER threads_notify_change_del AFTER DELETE ON threads
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 4. The queue shows an escalation's cause; its stage and schedule move on every
--    escalator tick and are not cached, so they stay quiet.
CREATE TRIGGER escalations_notify_change_upd AFTER UPDATE ON escalations
  FOR EACH ROW WHEN (OLD.cause IS DISTINCT FROM NEW.cause) EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER escalations_notify_change_del AFTER DELETE ON escalations
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 5. Cached key lookups. Every authenticated request stamps last_used_at, which must
--    not flush the cache it was served from; any other change (revoked, expiry,
--    scopes, hash, owner) must. Comparing the rows without that one column, rather
--    than listing the others, makes a column added later notify by default: a
--    needless flush is cheap, a stale key is not. A new key was never cached.
CREATE TRIGGER api_keys_notify_change_upd AFTER UPDATE ON api_keys
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
  EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER api_keys_notify_change_del AFTER DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 6. A key or session lookup carries its operator (role, disabled). A new operator
--    has no key or session yet.
CREATE TRIGGER operators_notify_change_upd AFTER UPDATE ON operators
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER operators_notify_change_del AFTER DELETE ON operators
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint

-- 7. Sessions, as keys: last_seen_at is bookkeeping stamped by the requests themselves.
CREATE TRIGGER operator_sessions_notify_change_upd AFTER UPDATE ON operator_sessions
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION notify_workspace_change();
--> statement-breakpoint
CREATE TRIGGER operator_sessions_notify_change_del AFTER DELETE ON operator_sessions
  FOR EACH ROW EXECUTE FUNCTION notify_workspace_change();
