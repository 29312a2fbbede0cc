import { useState } from 'preact/hooks';
import { useLiveRefresh } from '../api/events';
import { api, describeError } from '../api/http';
import type { Mailbox } from '../api/types';
import { useResource } from '../api/useResource';
import { ErrorNote, Loading } from '../components/Notice';
import { when } from '../format';

const PROVIDERS = [
  { provider: 'gmail', label: 'Gmail' },
  { provider: 'graph', label: 'Microsoft 365' },
] as const;

type Provider = (typeof PROVIDERS)[number]['provider'];

const STATUS_LABELS: Record<Mailbox['status'], string> = {
  active: 'syncing',
  needs_reauth: 'needs reconnecting',
  paused: 'paused',
  disconnected: 'disconnected',
};

/** Connected mailboxes with their sync state; connecting goes through the provider's consent page and back here. */
export function MailboxesPage({ canAdmin }: { canAdmin: boolean }) {
  const mailboxes = useResource('mailboxes', () => api<{ mailboxes: Mailbox[] }>('GET', '/mailboxes'));
  const [error, setError] = useState<string>();
  const [connecting, setConnecting] = useState<Provider>();
  useLiveRefresh(mailboxes.reload, (event) => event.subjectType === 'mailbox');

  async function connect(provider: Provider, loginHint?: string) {
    setConnecting(provider);
    setError(undefined);
    try {
      const { authorizationUrl } = await api<{ authorizationUrl: string }>('POST', '/mailboxes/connect', {
        provider,
        redirectAfter: '/mailboxes',
        ...(loginHint ? { loginHint } : {}),
      });
      window.location.assign(authorizationUrl);
    } catch (caught) {
      setError(describeError(caught));
      setConnecting(undefined);
    }
  }

  if (!canAdmin) {
    return (
      <section>
        <h1>Mailboxes</h1>
        <p>Connecting and watching mailboxes needs the admin scope; ask the workspace's owner.</p>
      </section>
    );
  }

  const list = mailboxes.data?.mailboxes ?? [];
  const needReauth = list.filter((mailbox) => mailbox.status === 'needs_reauth');
  return (
    <section aria-labelledby="mailboxes-title">
      <h1 id="mailboxes-title">Mailboxes</h1>
      {needReauth.map((mailbox) => (
        <div class="banner" role="alert" key={mailbox.id}>
          <p>
            <strong>{mailbox.address} needs to be reconnected.</strong> firmly cannot read or send from it until you sign in to{' '}
            {mailbox.provider === 'gmail' ? 'Google' : 'Microsoft'} again
            {mailbox.statusReason ? ` (${mailbox.statusReason})` : ''}.
          </p>
          <button
            type="button"
            class="primary"
            disabled={connecting !== undefined}
            onClick={() => connect(mailbox.provider, mailbox.address)}
          >
            Reconnect {mailbox.address}
          </button>
        </div>
      ))}
      <div class="actions">
        {PROVIDERS.map(({ provider, label }) => (
          <button type="button" key={provider} onClick={() => connect(provider)} disabled={connecting !== undefined}>
            {connecting === provider ? 'Opening…' : `Connect ${label}`}
          </button>
        ))}
      </div>
      <ErrorNote>{error ?? mailboxes.error}</ErrorNote>
      {mailboxes.data ? (
        list.length === 0 ? (
          <p class="empty">No mailbox yet. Connect one: firmly reads the client threads and drafts from there.</p>
        ) : (
          <div class="table-wrap">
            <table class="data">
              <caption class="visually-hidden">Mailboxes</caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sync</th>
                  <th scope="col">Back-fill</th>
                  <th scope="col" class="num">
                    Threads / messages
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((mailbox) => (
                  <tr key={mailbox.id}>
                    <th scope="row">{mailbox.address}</th>
                    <td data-label="Provider">{mailbox.provider === 'gmail' ? 'Gmail' : 'Microsoft 365'}</td>
                    <td data-label="Status">
                      <span class={`badge mailbox-${mailbox.status}`}>{STATUS_LABELS[mailbox.status] ?? mailbox.status}</span>
                      {mailbox.statusReason && mailbox.status !== 'needs_reauth' ? (
                        <span class="muted"> {mailbox.statusReason}</span>
                      ) : null}
                    </td>
                    <td data-label="Last sync">{when(mailbox.lastSyncedAt)}</td>
                    <td data-label="Back-fill">{mailbox.sync ? (mailbox.sync.backfillDone ? 'done' : 'in progress') : '—'}</td>
                    <td data-label="Threads / messages" class="num">
                      {mailbox.sync ? `${mailbox.sync.threads} / ${mailbox.sync.messages}` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : mailboxes.error ? null : (
        <Loading what="mailboxes" />
      )}
    </section>
  );
}
