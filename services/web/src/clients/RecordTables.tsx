import type { Ask, Invoice, TimelineEntry } from '../api/types';
import { day, money, when } from '../format';

export function AsksTable({ asks }: { asks: Ask[] }) {
  if (asks.length === 0) return <p class="empty">No open asks: the client has answered everything.</p>;
  return (
    <ul class="asks">
      {asks.map((ask) => (
        <li key={ask.id}>
          <q>{ask.sentence ?? 'an ask'}</q>
          <span class="muted">
            {' '}
            asked {when(ask.askedAt)}
            {ask.source === 'operator' ? ' · marked by you' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function paid(invoice: Invoice): string {
  const value = invoice.paidAmount;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return money(value, invoice.amount.currency);
  return money(value.minor, value.currency);
}

export function InvoicesTable({ invoices }: { invoices: Invoice[] }) {
  if (invoices.length === 0) return <p class="empty">No invoices recorded.</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <caption class="visually-hidden">Invoices</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Due</th>
            <th scope="col" class="num">
              Paid
            </th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Days late
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row">{invoice.number}</th>
              <td data-label="Amount" class="num">
                {money(invoice.amount.minor, invoice.amount.currency)}
              </td>
              <td data-label="Due">{day(invoice.dueOn)}</td>
              <td data-label="Paid" class="num">
                {paid(invoice)}
              </td>
              <td data-label="Status">
                <span class={`badge invoice-${invoice.status}`}>{invoice.status}</span>
                {invoice.disputedAt ? <span class="badge">disputed</span> : null}
                {invoice.promisedPayOn ? <span class="badge">promised {day(invoice.promisedPayOn)}</span> : null}
                {invoice.remindersPaused ? <span class="badge">reminders paused</span> : null}
              </td>
              <td data-label="Days late" class="num">
                {invoice.daysLate ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="empty">Nothing recorded yet.</p>;
  return (
    <ol class="timeline">
      {entries.map((entry, index) => (
        <li key={`${index}:${entry.ref ?? entry.at}`}>
          <time dateTime={entry.at}>{when(entry.at)}</time>
          <span class={`badge type-${entry.type}`}>{entry.type}</span>
          <span>
            <strong>{entry.title}</strong>
            {entry.detail ? <span class="muted"> — {entry.detail}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
