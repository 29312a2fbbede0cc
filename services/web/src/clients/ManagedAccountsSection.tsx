import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { ApiError, api, describeError } from '../api/http';
import type { AccountOwner, HandoverStep, ManagedAccount, ManagedAccountPlatform, Page } from '../api/types';
import { useResource } from '../api/useResource';
import { useSubmit } from '../api/useSubmit';
import { ErrorNote, Loading, StatusLine } from '../components/Notice';
import { when } from '../format';
import { HANDOVER_LABELS, PLATFORM_LABELS } from './account-labels';

const OWNER_LABELS: Record<AccountOwner, string> = { client: 'the client', operator: 'you', unknown: 'unknown' };

const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as Array<[K, string]>;

/** The accounts run for the client, how far each one's handover has gone, and how to hand it over. */
export function ManagedAccountsSection({ clientId }: { clientId: string }) {
  const path = `/clients/${encodeURIComponent(clientId)}/managed-accounts`;
  const accounts = useResource(`${clientId}:managed-accounts`, () => api<Page<ManagedAccount>>('GET', `${path}?limit=100`));
  useLiveRefresh(accounts.reload, (event) => event.subjectType === 'managed_account');

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Managed accounts</h2>
      <ErrorNote>{accounts.error}</ErrorNote>
      {accounts.data ? (
        <AccountsTable accounts={accounts.data.items} path={path} onChanged={accounts.reload} />
      ) : accounts.error ? null : (
        <Loading what="managed accounts" />
      )}
      {accounts.data?.nextCursor ? <p class="muted">Showing the first 100 accounts.</p> : null}
      <AddAccountForm path={path} onAdded={accounts.reload} />
    </section>
  );
}

function AccountsTable({ accounts, path, onChanged }: { accounts: ManagedAccount[]; path: string; onChanged: () => Promise<void> }) {
  const [saving, setSaving] = useState<string>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  async function moveHandover(account: ManagedAccount, handover: HandoverStep) {
    setSaving(account.id);
    setError(undefined);
    setStatus(undefined);
    try {
      await api('PATCH', `${path}/${encodeURIComponent(account.id)}`, { handover });
      setStatus(`${account.handle}: ${HANDOVER_LABELS[handover].toLowerCase()}.`);
    } catch (caught) {
      // A refused step (409: ownership first) leaves the account where it was; the reload puts the select back.
      setError(`${account.handle}: ${caught instanceof ApiError ? caught.message : describeError(caught)}`);
    } finally {
      setSaving(undefined);
      await onChanged();
    }
  }

  if (accounts.length === 0) {
    return <p class="empty">No accounts recorded. Add the pages and ad accounts you run, so the handover can be planned.</p>;
  }
  return (
    <>
      <ErrorNote>{error}</ErrorNote>
      <StatusLine>{status}</StatusLine>
      <div class="table-wrap">
        <table class="data">
          <caption class="visually-hidden">Managed accounts by platform</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Platform</th>
              <th scope="col">Your access</th>
              <th scope="col">Owner</th>
              <th scope="col">Handover</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <Fragment key={account.id}>
                <tr>
                  <th scope="row">
                    {account.handle}
                    {account.notes ? <span class="muted small"> — {account.notes}</span> : null}
                  </th>
                  <td data-label="Platform">{PLATFORM_LABELS[account.platform] ?? account.platform}</td>
                  <td data-label="Your access">{account.accessLevel}</td>
                  <td data-label="Owner">{OWNER_LABELS[account.owner] ?? account.owner}</td>
                  <td data-label="Handover">
                    {/* One flex item on narrow screens: the select and its date stack instead of pushing sideways. */}
                    <div>
                      <select
                        aria-label={`Handover of ${account.handle}`}
                        value={account.handover}
                        disabled={saving === account.id}
                        onChange={(event) => moveHandover(account, event.currentTarget.value as HandoverStep)}
                      >
                        {entries(HANDOVER_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                      {account.handoverChangedAt ? <span class="muted small"> since {when(account.handoverChangedAt)}</span> : null}
                    </div>
                  </td>
                </tr>
                <tr>
                  <td colSpan={5}>
                    <details>
                      <summary>
                        How to hand over {account.handle}
                        <span class="visually-hidden"> ({PLATFORM_LABELS[account.platform] ?? account.platform})</span>
                      </summary>
                      <ol lang={account.guidance.locale}>
                        {account.guidance.steps.map((step, index) => (
                          <li key={`${account.id}:${index}`}>{step.text}</li>
                        ))}
                      </ol>
                    </details>
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AddAccountForm({ path, onAdded }: { path: string; onAdded: () => Promise<void> }) {
  const [platform, setPlatform] = useState<ManagedAccountPlatform>('meta_business_suite');
  const [handle, setHandle] = useState('');
  const [accessLevel, setAccessLevel] = useState('');
  const [owner, setOwner] = useState<AccountOwner>('unknown');
  const [notes, setNotes] = useState('');
  const [status, setStatus] = useState<string>();
  const { busy, error, run, invalid } = useSubmit();

  async function submit(event: Event) {
    event.preventDefault();
    setStatus(undefined);
    await run(async () => {
      await api('POST', path, {
        platform,
        handle: handle.trim(),
        accessLevel: accessLevel.trim(),
        owner,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setHandle('');
      setAccessLevel('');
      setNotes('');
      setStatus('Added.');
      await onAdded();
    });
  }

  return (
    <details>
      <summary>Add an account</summary>
      <form class="card" onSubmit={submit} aria-label="Add an account">
        <label for="account-platform">Platform</label>
        <select
          id="account-platform"
          value={platform}
          onChange={(event) => setPlatform(event.currentTarget.value as ManagedAccountPlatform)}
        >
          {entries(PLATFORM_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for="account-handle">Handle, page name or URL</label>
        <input
          id="account-handle"
          required
          maxLength={300}
          value={handle}
          aria-invalid={invalid('handle')}
          onInput={(event) => setHandle(event.currentTarget.value)}
        />
        <label for="account-access">Your access there</label>
        <input
          id="account-access"
          required
          maxLength={100}
          placeholder="Admin, Full control, Editor"
          value={accessLevel}
          aria-invalid={invalid('accessLevel')}
          onInput={(event) => setAccessLevel(event.currentTarget.value)}
        />
        <label for="account-owner">Who owns the account</label>
        <select id="account-owner" value={owner} onChange={(event) => setOwner(event.currentTarget.value as AccountOwner)}>
          {entries(OWNER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label[0]?.toUpperCase()}
              {label.slice(1)}
            </option>
          ))}
        </select>
        <label for="account-notes">Notes (optional)</label>
        <textarea
          id="account-notes"
          rows={2}
          maxLength={2000}
          value={notes}
          aria-invalid={invalid('notes')}
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
        <ErrorNote>{error ? describeError(error) : undefined}</ErrorNote>
        <StatusLine>{status}</StatusLine>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || handle.trim().length === 0 || accessLevel.trim().length === 0}>
            {busy ? 'Adding…' : 'Add account'}
          </button>
        </div>
      </form>
    </details>
  );
}
