import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { describeError } from '../api/http';
import type { ReviewItem } from '../api/types';
import { ErrorNote, Loading, StatusLine } from '../components/Notice';
import { when } from '../format';
import { navigate } from '../router';
import { DraftDetail } from './DraftDetail';
import { QueueList } from './QueueList';
import { approveDraft, editDraft, listQueue, rejectDraft, snoozeDraft } from './queue';
import { RejectDialog } from './RejectDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SnoozeDialog } from './SnoozeDialog';
import { type ShortcutAction, useShortcuts } from './shortcuts';

interface ReviewPageProps {
  /** From the path `/review/:id`; without one the oldest draft is shown. */
  selectedId: string | undefined;
  canReview: boolean;
}

type OpenDialog = 'reject' | 'snooze' | 'help' | undefined;

/** The operator's queue of drafts: pick one, read it as the client will, then approve, edit, reject or snooze it. */
export function ReviewPage({ selectedId, canReview }: ReviewPageProps) {
  const [items, setItems] = useState<ReviewItem[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [dialog, setDialog] = useState<OpenDialog>();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      const page = await listQueue();
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Another operator's action, a new draft, a cancelled one: refresh when the audit log moves.
  useLiveRefresh(load, (event) => event.subjectType === 'outgoing_email' || event.action.startsWith('email.'));

  const selected = items?.find((item) => item.id === selectedId) ?? (selectedId ? undefined : items?.[0]);
  const selectedIndex = selected && items ? items.indexOf(selected) : -1;

  useEffect(() => setEditing(false), [selected?.id]);

  function select(item: ReviewItem | undefined, focus = false) {
    navigate(item ? `/review/${item.id}` : '/', { replace: true });
    if (focus && item) requestAnimationFrame(() => document.querySelector<HTMLElement>(`.queue-item[data-id="${item.id}"]`)?.focus());
  }

  /** Takes a handled draft out of the list and moves on to the one that took its place. */
  function settle(done: ReviewItem, message: string) {
    const rest = (items ?? []).filter((item) => item.id !== done.id);
    setItems(rest);
    setStatus(message);
    setDialog(undefined);
    setEditing(false);
    select(rest[Math.min(selectedIndex, rest.length - 1)]);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  const approve = () =>
    selected &&
    run(async () => {
      try {
        const { sendAfter } = await approveDraft(selected.id);
        settle(selected, `Approved “${selected.subject}”: it goes out ${when(sendAfter)}.`);
      } catch (caught) {
        setError(describeError(caught));
      }
    });

  const saveEdit = async (edit: { subject?: string; text?: string }) => {
    if (!selected) return;
    const { item } = await editDraft(selected.id, edit);
    setItems((current) => current?.map((existing) => (existing.id === item.id ? item : existing)));
    setEditing(false);
    setVersion((n) => n + 1);
    setStatus(`Saved your changes to “${item.subject}”.`);
  };

  const reject = async (reason: string) => {
    if (!selected) return;
    await rejectDraft(selected.id, reason);
    settle(selected, `Rejected “${selected.subject}”.`);
  };

  const snooze = async (until: Date) => {
    if (!selected) return;
    await snoozeDraft(selected.id, until);
    settle(selected, `Snoozed “${selected.subject}” until ${when(until.toISOString())}.`);
  };

  async function loadMore() {
    try {
      const page = await listQueue(nextCursor);
      setItems((current) => [...(current ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  useShortcuts((action: ShortcutAction) => {
    if (action === 'help') return setDialog('help');
    if (!items || items.length === 0) return;
    if (action === 'next') return select(items[Math.min(selectedIndex + 1, items.length - 1)], true);
    if (action === 'previous') return select(items[Math.max(selectedIndex - 1, 0)], true);
    if (!selected || !canReview || busy || editing) return;
    if (action === 'approve') return void approve();
    if (action === 'edit') return setEditing(true);
    if (action === 'reject') return setDialog('reject');
    if (action === 'snooze') return setDialog('snooze');
  });

  return (
    <div class="review" data-selected={selectedId ? 'true' : undefined}>
      <section class="queue" aria-labelledby="queue-title">
        <div class="queue-head">
          <h1 id="queue-title">
            Review queue{' '}
            {items ? (
              <span class="count">
                {items.length}
                {nextCursor ? '+' : ''}
              </span>
            ) : null}
          </h1>
          <button type="button" class="link-button" onClick={() => setDialog('help')} aria-keyshortcuts="?">
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
        <StatusLine>{status}</StatusLine>
        <ErrorNote>{error}</ErrorNote>
        {items ? <QueueList items={items} selectedId={selected?.id} /> : error ? null : <Loading what="the queue" />}
        {nextCursor ? (
          <button type="button" onClick={loadMore}>
            Load more
          </button>
        ) : null}
      </section>
      <section class="detail" aria-label="Selected draft">
        {selected ? (
          <DraftDetail
            item={selected}
            version={version}
            editing={editing}
            canReview={canReview}
            busy={busy}
            onApprove={approve}
            onEdit={() => setEditing(true)}
            onReject={() => setDialog('reject')}
            onSnooze={() => setDialog('snooze')}
            onSaveEdit={saveEdit}
            onCancelEdit={() => setEditing(false)}
          />
        ) : items && selectedId ? (
          <p class="empty">This draft is no longer waiting for review.</p>
        ) : null}
      </section>
      {dialog === 'reject' && selected ? (
        <RejectDialog subject={selected.subject} onReject={reject} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'snooze' && selected ? <SnoozeDialog onSnooze={snooze} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'help' ? <ShortcutsDialog onClose={() => setDialog(undefined)} /> : null}
    </div>
  );
}
