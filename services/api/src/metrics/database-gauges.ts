import { type Clock, outgoingEmailStates } from '@firmly/core';
import {
  cancelledEmailReasonCounts,
  type Database,
  type MetricsScope,
  mailboxAlertCounts,
  mailboxSyncStates,
  outgoingEmailStateCounts,
  pendingReviewCounts,
} from '@firmly/db';
import type { MetricFamily, Sample } from './exposition';

const PROVIDERS = ['gmail', 'graph'] as const;
/** Alert kinds about mailboxes that mean the provider refused us; listed so their series exist at 0. */
const PROVIDER_ERROR_KINDS = ['needs_reauth'] as const;

/** The families read from PostgreSQL, each query scoped as the caller may see. */
export async function databaseGauges(db: Database, clock: Clock, scope: MetricsScope): Promise<MetricFamily[]> {
  const [syncStates, pending, states, cancelled, alerts] = await Promise.all([
    mailboxSyncStates(db, scope),
    pendingReviewCounts(db, scope),
    outgoingEmailStateCounts(db, scope),
    cancelledEmailReasonCounts(db, scope),
    mailboxAlertCounts(db, scope),
  ]);
  const now = clock.now().getTime();
  return [
    {
      name: 'firmly_mailbox_sync_lag_seconds',
      help: 'Seconds since the mailbox last stored a synced page (since it was connected, before its first sync). Disconnected mailboxes are left out.',
      type: 'gauge',
      samples: syncStates.map((m) => ({
        labels: { mailbox_id: m.id, provider: m.provider },
        value: Math.max(0, Math.round((now - (m.lastSyncedAt ?? m.createdAt).getTime()) / 1000)),
      })),
    },
    {
      name: 'firmly_drafts_pending_review',
      help: 'Drafted emails waiting for the operator, per workspace.',
      type: 'gauge',
      samples: pending.map((row) => ({ labels: { workspace_id: row.workspaceId }, value: row.n })),
    },
    {
      name: 'firmly_emails_total',
      help: 'Outgoing emails by their current state.',
      type: 'gauge',
      samples: withZeros(
        outgoingEmailStates,
        states.map((row) => [row.state, row.n]),
      ).map(([state, value]) => ({ labels: { state }, value })),
    },
    {
      name: 'firmly_emails_cancelled_total',
      help: 'Emails cancelled before sending because their cause no longer stood, by reason (dates in reasons folded).',
      type: 'counter',
      samples: foldReasons(cancelled).map(([reason, value]) => ({ labels: { reason }, value })),
    },
    {
      name: 'firmly_provider_errors_total',
      help: 'Mail provider failures recorded against mailboxes (alerts such as needs_reauth), by provider and kind.',
      type: 'counter',
      samples: providerErrorSamples(alerts),
    },
  ];
}

/** Every known key with its count, 0 when absent, so a series exists before its first event. */
function withZeros<K extends string>(keys: readonly K[], rows: ReadonlyArray<readonly [K, number]>): Array<[K, number]> {
  const counts = new Map<K, number>(keys.map((key) => [key, 0]));
  for (const [key, n] of rows) counts.set(key, (counts.get(key) ?? 0) + n);
  return [...counts];
}

/**
 * Cancel reasons are sentences, some carrying a date ("the client promised to pay by
 * 2026-05-09"); as labels those would make a new series per date, so dates and
 * instants become `<date>` and the rest is kept.
 */
export function reasonLabel(reason: string | null): string {
  if (!reason || reason.trim() === '') return 'unspecified';
  return reason
    .trim()
    .replace(/\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g, '<date>')
    .slice(0, 120);
}

function foldReasons(rows: ReadonlyArray<{ reason: string | null; n: number }>): Array<[string, number]> {
  const folded = new Map<string, number>();
  for (const row of rows) {
    const label = reasonLabel(row.reason);
    folded.set(label, (folded.get(label) ?? 0) + row.n);
  }
  return [...folded];
}

function providerErrorSamples(rows: ReadonlyArray<{ provider: string; kind: string; n: number }>): Sample[] {
  const counts = new Map<string, { provider: string; kind: string; n: number }>();
  for (const provider of PROVIDERS) for (const kind of PROVIDER_ERROR_KINDS) counts.set(`${provider}\n${kind}`, { provider, kind, n: 0 });
  for (const row of rows) {
    const kind = row.kind.replace(/^mailbox\./, '');
    const key = `${row.provider}\n${kind}`;
    counts.set(key, { provider: row.provider, kind, n: (counts.get(key)?.n ?? 0) + row.n });
  }
  return [...counts.values()].map(({ provider, kind, n }) => ({ labels: { provider, kind }, value: n }));
}
