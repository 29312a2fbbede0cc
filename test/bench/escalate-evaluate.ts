/**
 * The decision half of `bench:escalate`: every client's ladders evaluated at one `now`, with the
 * calendar views shared per working calendar, as the worker does after it loads a batch of
 * clients. "Scheduling" is the `recheck_at` each evaluation returns: the time of the client's
 * next delayed job.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type BusinessCalendar, type EscalationAction, type EscalationSettings, evaluateEscalations } from '@firmly/core';
import type { BenchClient, CalendarName } from './escalate-clients';

const MB = 1024 * 1024;
/** RSS is read inline every this many clients: the loop is synchronous, so a timer would never fire during it. */
const RSS_EVERY = 250;

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export interface ActionCounts {
  draftsByKind: Record<string, number>;
  cancels: number;
  statusChanges: Record<string, number>;
  alerts: number;
  rechecks: number;
  /** Clients with at least one draft, cancel, status change or alert. */
  clientsWithDueSteps: number;
}

export interface EvaluationResult {
  clients: number;
  ms: number;
  clientsPerSecond: number;
  rssBeforeMb: number;
  peakRssMb: number;
  counts: ActionCounts;
}

export function countActions(results: ReadonlyArray<readonly EscalationAction[]>): ActionCounts {
  const counts: ActionCounts = { draftsByKind: {}, cancels: 0, statusChanges: {}, alerts: 0, rechecks: 0, clientsWithDueSteps: 0 };
  for (const actions of results) {
    let due = false;
    for (const action of actions) {
      if (action.type === 'draft') counts.draftsByKind[action.kind] = (counts.draftsByKind[action.kind] ?? 0) + 1;
      else if (action.type === 'cancel_draft') counts.cancels++;
      else if (action.type === 'set_client_status') counts.statusChanges[action.status] = (counts.statusChanges[action.status] ?? 0) + 1;
      else if (action.type === 'alert') counts.alerts++;
      else counts.rechecks++;
      if (action.type !== 'recheck_at') due = true;
    }
    if (due) counts.clientsWithDueSteps++;
  }
  return counts;
}

export function measureEvaluation(
  clients: readonly BenchClient[],
  settings: EscalationSettings,
  calendars: Record<CalendarName, BusinessCalendar>,
): EvaluationResult {
  // Warm the ladders and both calendars' holiday caches on a slice, untimed, then drop it.
  for (const client of clients.slice(0, 240)) evaluateEscalations(client.input, settings, { calendar: calendars[client.calendarName] });
  collectGarbage();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  // Every result is kept, as the worker holds a batch's actions until it writes them.
  const results: EscalationAction[][] = new Array(clients.length);
  const started = performance.now();
  for (let i = 0; i < clients.length; i++) {
    const client = clients[i] as BenchClient;
    results[i] = evaluateEscalations(client.input, settings, { calendar: calendars[client.calendarName] });
    if (i % RSS_EVERY === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    clients: clients.length,
    ms,
    clientsPerSecond: clients.length / (ms / 1000),
    rssBeforeMb: rssBefore / MB,
    peakRssMb: peak / MB,
    counts: countActions(results),
  };
}
