import { useLiveRefresh } from '../api/events';
import { api } from '../api/http';
import type { ClientListItem, Page } from '../api/types';
import { useResource } from '../api/useResource';
import { ErrorNote, Loading } from '../components/Notice';
import { follow } from '../router';

const CLIENT_EVENTS = new Set(['client', 'invoice', 'payment', 'outgoing_email', 'incident']);

/** Every client of the workspace with what needs attention: control score, open asks, overdue invoices, drafts. */
export function ClientsPage() {
  const clients = useResource('clients', () => api<Page<ClientListItem>>('GET', '/clients?limit=100'));
  useLiveRefresh(clients.reload, (event) => CLIENT_EVENTS.has(event.subjectType));
  return (
    <section aria-labelledby="clients-title">
      <h1 id="clients-title">Clients</h1>
      <ErrorNote>{clients.error}</ErrorNote>
      {clients.data ? (
        clients.data.items.length === 0 ? (
          <p class="empty">No clients yet. They appear as firmly finds them in your mailboxes, or through POST /v1/clients.</p>
        ) : (
          <div class="table-wrap">
            <table class="data">
              <caption class="visually-hidden">Clients</caption>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Control score
                  </th>
                  <th scope="col" class="num">
                    Open asks
                  </th>
                  <th scope="col" class="num">
                    Overdue invoices
                  </th>
                  <th scope="col" class="num">
                    Drafts to review
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.data.items.map((client) => (
                  <tr key={client.id}>
                    <th scope="row">
                      <a href={`/clients/${client.id}`} onClick={follow}>
                        {client.name}
                      </a>
                    </th>
                    <td data-label="Status">
                      <span class={`badge status-${client.status}`}>{client.status}</span>
                    </td>
                    <td data-label="Control score" class="num">
                      {client.controlScore ?? '—'}
                    </td>
                    <td data-label="Open asks" class="num">
                      {client.openAsks ?? '—'}
                    </td>
                    <td data-label="Overdue invoices" class={client.overdueInvoices > 0 ? 'num warn' : 'num'}>
                      {client.overdueInvoices}
                    </td>
                    <td data-label="Drafts to review" class="num">
                      {client.pendingDrafts}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {clients.data.nextCursor ? <p class="muted table-note">Showing the first 100 clients.</p> : null}
          </div>
        )
      ) : clients.error ? null : (
        <Loading what="clients" />
      )}
    </section>
  );
}
