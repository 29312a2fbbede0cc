import { useState } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { api, describeError } from '../api/http';
import type { Page, WorkLogEntry } from '../api/types';
import { useResource } from '../api/useResource';
import { useSubmit } from '../api/useSubmit';
import { ErrorNote, Loading, StatusLine } from '../components/Notice';
import { day } from '../format';

/** The browser's own calendar day (YYYY-MM-DD): the operator records deliveries on their own calendar. */
const localToday = () => new Date().toLocaleDateString('en-CA');

/** What was delivered for the client and what it achieved (the answer to "is that all you did?"), and a form to record more. */
export function WorkLogSection({ clientId }: { clientId: string }) {
  const path = `/clients/${encodeURIComponent(clientId)}/work-log`;
  const log = useResource(`${clientId}:work-log`, () => api<Page<WorkLogEntry>>('GET', `${path}?limit=100`));
  const [older, setOlder] = useState<{ items: WorkLogEntry[]; nextCursor: string | null }>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string>();
  useLiveRefresh(
    () => {
      setOlder(undefined);
      void log.reload();
    },
    (event) => event.subjectType === 'work_log_entry',
  );

  async function showOlder() {
    const cursor = older?.nextCursor ?? log.data?.nextCursor;
    if (!cursor) return;
    setLoadingOlder(true);
    setOlderError(undefined);
    try {
      const page = await api<Page<WorkLogEntry>>('GET', `${path}?limit=100&cursor=${encodeURIComponent(cursor)}`);
      setOlder({ items: [...(older?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (caught) {
      setOlderError(describeError(caught));
    } finally {
      setLoadingOlder(false);
    }
  }

  const entries = log.data ? [...log.data.items, ...(older?.items ?? [])] : undefined;
  const more = older ? older.nextCursor : log.data?.nextCursor;
  return (
    <section aria-labelledby="work-log-title">
      <h2 id="work-log-title">Work log</h2>
      <ErrorNote>{log.error}</ErrorNote>
      {entries ? <WorkLogTable entries={entries} /> : log.error ? null : <Loading what="the work log" />}
      {more ? (
        <div class="actions">
          <button type="button" onClick={showOlder} disabled={loadingOlder}>
            {loadingOlder ? 'Loading…' : 'Show older entries'}
          </button>
        </div>
      ) : null}
      <ErrorNote>{olderError}</ErrorNote>
      <RecordWorkForm
        path={path}
        onRecorded={async () => {
          setOlder(undefined);
          await log.reload();
        }}
      />
    </section>
  );
}

function WorkLogTable({ entries }: { entries: WorkLogEntry[] }) {
  if (entries.length === 0) return <p class="empty">Nothing recorded yet. Record what you deliver: it answers "is that all you did?".</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <caption class="visually-hidden">Work log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">Outcome</th>
            <th scope="col">Link</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td data-label="Date">
                <time dateTime={entry.doneOn}>{day(entry.doneOn)}</time>
              </td>
              <th scope="row">{entry.title}</th>
              <td data-label="Outcome">{entry.outcome ?? '—'}</td>
              <td data-label="Link">
                {entry.link ? (
                  <a href={entry.link} target="_blank" rel="noopener noreferrer">
                    Open<span class="visually-hidden"> {entry.title} (opens in a new tab)</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordWorkForm({ path, onRecorded }: { path: string; onRecorded: () => Promise<void> }) {
  const [doneOn, setDoneOn] = useState(localToday);
  const [title, setTitle] = useState('');
  const [link, setLink] = useState('');
  const [outcome, setOutcome] = useState('');
  const [status, setStatus] = useState<string>();
  const { busy, error, run, invalid } = useSubmit();

  async function submit(event: Event) {
    event.preventDefault();
    setStatus(undefined);
    await run(async () => {
      await api('POST', path, {
        doneOn,
        title: title.trim(),
        ...(link.trim() ? { link: link.trim() } : {}),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      });
      setTitle('');
      setLink('');
      setOutcome('');
      setStatus('Recorded.');
      await onRecorded();
    });
  }

  return (
    <details>
      <summary>Record a delivery</summary>
      <form class="card" onSubmit={submit} aria-label="Record a delivery">
        <label for="work-log-date">Date</label>
        <input
          id="work-log-date"
          type="date"
          required
          max={localToday()}
          value={doneOn}
          aria-invalid={invalid('doneOn')}
          onInput={(event) => setDoneOn(event.currentTarget.value)}
        />
        <label for="work-log-title">What was delivered</label>
        <input
          id="work-log-title"
          required
          maxLength={300}
          placeholder="12 posts for the spring campaign"
          value={title}
          aria-invalid={invalid('title')}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <label for="work-log-link">Link (optional)</label>
        <input
          id="work-log-link"
          type="url"
          maxLength={2000}
          placeholder="https://"
          value={link}
          aria-invalid={invalid('link')}
          onInput={(event) => setLink(event.currentTarget.value)}
        />
        <label for="work-log-outcome">Outcome (optional)</label>
        <textarea
          id="work-log-outcome"
          rows={2}
          maxLength={2000}
          placeholder="Reach up 40 % in March"
          value={outcome}
          aria-invalid={invalid('outcome')}
          onInput={(event) => setOutcome(event.currentTarget.value)}
        />
        <ErrorNote>{error ? describeError(error) : undefined}</ErrorNote>
        <StatusLine>{status}</StatusLine>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || title.trim().length === 0}>
            {busy ? 'Recording…' : 'Record'}
          </button>
        </div>
      </form>
    </details>
  );
}
