import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { ApiError, api, describeError } from '../api/http';
import type { ClientRecord, Incident, Offboarding, OffboardingLetter } from '../api/types';
import { useResource } from '../api/useResource';
import { useSubmit } from '../api/useSubmit';
import { ErrorNote, Loading, StatusLine } from '../components/Notice';
import { day, when } from '../format';
import { follow } from '../router';
import { HANDOVER_LABELS, PLATFORM_LABELS } from './account-labels';

type ClientStatus = ClientRecord['status'];

/** The browser's own calendar day (YYYY-MM-DD): the last working day cannot be before it. */
const localToday = () => new Date().toLocaleDateString('en-CA');

const INCIDENT_KINDS: Record<string, string> = {
  missed_feedback_deadline: 'Missed feedback deadline',
  late_payment: 'Late payment',
  control_episode: 'Control episode',
  abusive_message: 'Abusive message',
};

const LETTER_STATES: Record<string, string> = {
  pending_review: 'Waiting for your review',
  approved: 'Approved, to be sent',
  sending: 'Sending',
  sent: 'Sent',
  rejected: 'Rejected',
  cancelled: 'Withdrawn',
  failed: 'Could not be sent',
};

/** Changes to these move the letters' states or the handover's hold. */
const OFFBOARDING_EVENTS = new Set(['outgoing_email', 'invoice', 'payment', 'managed_account']);

const incidentKind = (kind: string) => INCIDENT_KINDS[kind] ?? kind.replaceAll('_', ' ');

/** The problem's own words: its detail, with the fields' reasons only when they add something. */
function problemText(error: unknown): string {
  if (error instanceof ApiError && (error.problem.invalidParams ?? []).every((param) => param.reason === error.message)) {
    return error.message;
  }
  return describeError(error);
}

interface OffboardingSectionProps {
  clientId: string;
  /** Undefined while the client loads. */
  clientStatus: ClientStatus | undefined;
  /** Re-reads the client: every step of an offboarding changes its status. */
  onClientChanged: () => Promise<void>;
}

/**
 * Ending the relationship (PRODUCT §4.4): firmly prepares, the operator decides. Before: the
 * documented incidents to state as reasons and the last working day. During: the reasons, the
 * two letters' review, the handover checklist, complete or cancel. After: when it ended.
 */
export function OffboardingSection({ clientId, clientStatus, onClientChanged }: OffboardingSectionProps) {
  const path = `/clients/${encodeURIComponent(clientId)}/offboarding`;
  // Only an offboarding or former client has one to show: asking for the others would only answer 404.
  const hasOffboarding = clientStatus === 'offboarding' || clientStatus === 'former';
  // Keyed by the status: every step changes it, so re-reading the client re-reads this too.
  const offboarding = useResource(`${clientId}:offboarding:${clientStatus ?? ''}`, () =>
    hasOffboarding ? api<Offboarding>('GET', path) : Promise.resolve(null),
  );
  useLiveRefresh(offboarding.reload, (event) => OFFBOARDING_EVENTS.has(event.subjectType));
  const [status, setStatus] = useState<string>();

  async function afterStep(message: string) {
    setStatus(message);
    await Promise.all([onClientChanged(), offboarding.reload()]);
  }

  let content: ComponentChildren;
  if (clientStatus === undefined) {
    content = <Loading what="the offboarding" />;
  } else if (!hasOffboarding) {
    content = <StartForm clientId={clientId} path={path} onStarted={afterStep} />;
  } else if (offboarding.data?.state === 'in_progress') {
    content = <InProgress offboarding={offboarding.data} path={path} onStep={afterStep} onRefused={offboarding.reload} />;
  } else if (clientStatus === 'former' && (offboarding.data || offboarding.status === 404)) {
    // A former client without an offboarding record (404) still shows that it ended.
    content = <Ended offboarding={offboarding.data ?? undefined} />;
  } else {
    content = offboarding.error ? <ErrorNote>{offboarding.error}</ErrorNote> : <Loading what="the offboarding" />;
  }

  return (
    <section aria-labelledby="offboarding-title">
      <h2 id="offboarding-title">End the relationship</h2>
      <StatusLine>{status}</StatusLine>
      {content}
    </section>
  );
}

function Ended({ offboarding }: { offboarding: Offboarding | undefined }) {
  if (!offboarding) return <p>This relationship has ended.</p>;
  return (
    <p>
      This relationship ended on <time dateTime={offboarding.endsOn}>{day(offboarding.endsOn)}</time>
      {offboarding.completedAt ? <span class="muted"> (completed {when(offboarding.completedAt)})</span> : null}.
    </p>
  );
}

function StartForm({ clientId, path, onStarted }: { clientId: string; path: string; onStarted: (message: string) => Promise<void> }) {
  const incidents = useResource(`${clientId}:incidents`, () =>
    api<{ incidents: Incident[] }>('GET', `/clients/${encodeURIComponent(clientId)}/incidents`),
  );
  useLiveRefresh(incidents.reload, (event) => event.subjectType === 'incident');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [endsOn, setEndsOn] = useState('');
  const { busy, error, run, invalid } = useSubmit();

  const listed = incidents.data?.incidents ?? [];
  // Only incidents still listed: one withdrawn since it was ticked is not sent.
  const incidentIds = listed.filter((incident) => chosen.has(incident.id)).map((incident) => incident.id);

  function toggle(id: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  async function submit(event: Event) {
    event.preventDefault();
    await run(async () => {
      await api<Offboarding>('POST', path, { incidentIds, endsOn });
      await onStarted('Offboarding started: the termination letter and the closing report are drafted for your review.');
    });
  }

  return (
    <details>
      <summary>End the relationship…</summary>
      <form class="card" onSubmit={submit} aria-label="Start offboarding">
        <p class="muted">
          firmly only recommends; you decide. Starting drafts a termination letter stating the reasons you choose and a closing report, both
          for your review: nothing is sent before you approve it.
        </p>
        <fieldset>
          <legend>Reasons the letter states</legend>
          <ErrorNote>{incidents.error}</ErrorNote>
          {incidents.data ? (
            listed.length === 0 ? (
              <p class="muted">No documented incidents: the letter states documented incidents only.</p>
            ) : (
              listed.map((incident) => (
                <div class="checkbox" key={incident.id}>
                  <input
                    id={`offboarding-reason-${incident.id}`}
                    type="checkbox"
                    checked={chosen.has(incident.id)}
                    onChange={(event) => toggle(incident.id, event.currentTarget.checked)}
                  />
                  <label for={`offboarding-reason-${incident.id}`}>
                    {incident.summary}{' '}
                    <span class="muted small">
                      {incidentKind(incident.kind)} · {when(incident.occurredAt)}
                    </span>
                  </label>
                </div>
              ))
            )
          ) : incidents.error ? null : (
            <Loading what="incidents" />
          )}
        </fieldset>
        <label for="offboarding-ends-on">Last working day</label>
        <input
          id="offboarding-ends-on"
          type="date"
          required
          min={localToday()}
          value={endsOn}
          aria-invalid={invalid('endsOn')}
          onInput={(event) => setEndsOn(event.currentTarget.value)}
        />
        <ErrorNote>{error ? problemText(error) : undefined}</ErrorNote>
        <div class="actions">
          <button type="submit" class="danger" disabled={busy || incidentIds.length === 0 || endsOn === ''}>
            {busy ? 'Starting…' : 'Start offboarding'}
          </button>
        </div>
      </form>
    </details>
  );
}

interface InProgressProps {
  offboarding: Offboarding;
  path: string;
  onStep: (message: string) => Promise<void>;
  /** A refused step (409): the record moved on; re-read it. */
  onRefused: () => Promise<void>;
}

function InProgress({ offboarding, path, onStep, onRefused }: InProgressProps) {
  const { busy, error, run: submit } = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { letters, handover } = offboarding;
  const bothSent = letters.termination?.state === 'sent' && letters.closingReport?.state === 'sent';

  // The confirmation takes the focus (on its harmless choice), and gives it back when dismissed.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  async function run(action: 'complete' | 'cancel', message: string) {
    await submit(async () => {
      await api<Offboarding>('POST', `${path}/${action}`);
      setConfirming(false);
      await onStep(message);
    }, onRefused);
  }

  function keep() {
    setConfirming(false);
    requestAnimationFrame(() => cancelButton.current?.focus());
  }

  return (
    <div class="card offboarding">
      <p>
        <span class="badge status-offboarding">In progress</span> started {when(offboarding.startedAt)}; last working day{' '}
        <time dateTime={offboarding.endsOn}>{day(offboarding.endsOn)}</time>.
      </p>

      <h3>Reasons</h3>
      <ul class="plain-list">
        {offboarding.reasons.map((reason) => (
          <li key={reason.incidentId}>
            {reason.summary}{' '}
            <span class="muted small">
              {incidentKind(reason.kind)} · {when(reason.occurredAt)}
            </span>
          </li>
        ))}
      </ul>

      <h3>Letters</h3>
      <dl class="facts letters">
        <dt>Termination letter</dt>
        <dd>
          <LetterState letter={letters.termination} name="the termination letter" />
        </dd>
        <dt>Closing report</dt>
        <dd>
          <LetterState letter={letters.closingReport} name="the closing report" />
        </dd>
      </dl>

      <h3>Handover</h3>
      {handover.status === 'held_until_paid' ? (
        <p class="note handover-held">
          Held until the overdue invoices are paid: {handover.overdueInvoices.map((invoice) => invoice.number).join(', ')}
        </p>
      ) : (
        <p class="note handover-ready">Ready to hand over</p>
      )}
      {handover.accounts.length === 0 ? (
        <p class="muted">No managed accounts recorded.</p>
      ) : (
        <ul class="plain-list">
          {handover.accounts.map((account) => (
            <li key={account.id}>
              {account.handle} <span class="muted small">({PLATFORM_LABELS[account.platform] ?? account.platform})</span>:{' '}
              {HANDOVER_LABELS[account.handover] ?? account.handover}
              {account.held ? <span class="muted">, held</span> : null}
            </li>
          ))}
        </ul>
      )}

      <ErrorNote>{error ? problemText(error) : undefined}</ErrorNote>
      {confirming ? (
        <fieldset class="confirm">
          <legend>Cancel this offboarding?</legend>
          <p>The letters not yet sent are withdrawn, and the client becomes active again.</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => run('cancel', 'Offboarding cancelled: the letters not yet sent were withdrawn.')}
            >
              {busy ? 'Cancelling…' : 'Yes, cancel offboarding'}
            </button>
            <button type="button" ref={keepButton} disabled={busy} onClick={keep}>
              Keep it
            </button>
          </div>
        </fieldset>
      ) : (
        <>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy || !bothSent}
              aria-describedby="offboarding-complete-hint"
              onClick={() => run('complete', 'Offboarding completed: the client is now a former client.')}
            >
              {busy ? 'Completing…' : 'Mark complete'}
            </button>
            <button type="button" ref={cancelButton} disabled={busy} onClick={() => setConfirming(true)}>
              Cancel offboarding
            </button>
          </div>
          <p id="offboarding-complete-hint" class="muted small">
            {bothSent ? 'Both letters are sent.' : 'It can be marked complete once both letters are sent.'}
          </p>
        </>
      )}
    </div>
  );
}

function LetterState({ letter, name }: { letter: OffboardingLetter; name: string }) {
  if (!letter) return <span class="muted">Not drafted yet</span>;
  const label = LETTER_STATES[letter.state] ?? letter.state.replaceAll('_', ' ');
  // The review page opens a draft by its path only while it waits in the queue.
  if (letter.state !== 'pending_review') return <>{label}</>;
  return (
    <a href={`/review/${encodeURIComponent(letter.emailId)}`} onClick={follow}>
      {label}
      <span class="visually-hidden">: open {name}</span>
    </a>
  );
}
