import { BUSINESS_HOUR, businessCalendar } from '@firmly/core';
import { and, asc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../client';
import { asks } from '../../schema/asks';
import { controlSamples } from '../../schema/control-samples';
import { loadClientForAnalysis } from '../analysis';
import { loadClientInvoiceViews } from './invoice-standing';

export interface LatencyWeek {
  /** The Monday (client's local calendar) of the ISO week the asks were sent in. */
  weekStart: string;
  medianHours: number;
  p90Hours: number;
  answered: number;
}

export interface ClientCharts {
  answerLatencyByWeek: LatencyWeek[];
  daysLateByInvoice: Array<{ invoiceId: string; number: string; dueOn: string; paidOn: string | null; daysLate: number }>;
  controlScore: Array<{ day: string; score: number }>;
}

const DAY = 86_400_000;

/**
 * The three series of the client page (PRODUCT §6) over the last `weeks` weeks:
 *
 * - answer latency per ISO week, in business hours of the client's working calendar (the
 *   measure of PRODUCT §3 and of the health summary): asks store when they were sent and
 *   answered, and the calendar turns that interval into working time;
 * - days late per invoice that is paid (days after the due day it was paid) or overdue (days
 *   past due so far), by due day; an invoice still overdue shows even when older than the window;
 * - the control score per local day, as the daily samples recorded it.
 *
 * Undefined for a client that is not in this workspace.
 */
export async function clientCharts(
  db: Executor,
  workspaceId: string,
  clientId: string,
  options: { now: Date; weeks: number },
): Promise<ClientCharts | undefined> {
  const client = await loadClientForAnalysis(db, workspaceId, clientId);
  if (!client) return undefined;
  const calendar = businessCalendar(client.profile.calendar);
  const since = new Date(options.now.getTime() - options.weeks * 7 * DAY);
  const sinceDay = calendar.localDate(since);

  const answered = await db
    .select({ askedAt: asks.askedAt, answeredAt: asks.answeredAt })
    .from(asks)
    .where(
      and(
        eq(asks.workspaceId, workspaceId),
        eq(asks.clientId, clientId),
        eq(asks.status, 'answered'),
        isNotNull(asks.answeredAt),
        gte(asks.askedAt, since),
      ),
    );
  const byWeek = new Map<string, number[]>();
  for (const ask of answered) {
    if (!ask.answeredAt) continue;
    const week = mondayOf(calendar.localDate(ask.askedAt));
    const hours = calendar.millisBetween(ask.askedAt, ask.answeredAt) / BUSINESS_HOUR;
    byWeek.set(week, [...(byWeek.get(week) ?? []), hours]);
  }
  const answerLatencyByWeek = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, hours]) => {
      const sorted = [...hours].sort((a, b) => a - b);
      return {
        weekStart,
        medianHours: roundHours(nearestRank(sorted, 50)),
        p90Hours: roundHours(nearestRank(sorted, 90)),
        answered: sorted.length,
      };
    });

  const invoices = await loadClientInvoiceViews(db, workspaceId, clientId, options.now);
  const daysLateByInvoice = invoices
    .filter((i) => i.status === 'overdue' || (i.status === 'paid' && i.dueOn >= sinceDay))
    .map((i) => ({ invoiceId: i.id, number: i.number, dueOn: i.dueOn, paidOn: i.paidOn, daysLate: i.daysLate ?? 0 }));

  const samples = await db
    .select({ day: controlSamples.day, score: controlSamples.score })
    .from(controlSamples)
    .where(and(eq(controlSamples.workspaceId, workspaceId), eq(controlSamples.clientId, clientId), gte(controlSamples.day, sinceDay)))
    .orderBy(asc(controlSamples.day));

  return { answerLatencyByWeek, daysLateByInvoice, controlScore: samples };
}

/** Nearest rank, as the health summary computes its percentiles: always a latency some ask really had. */
function nearestRank(sortedAscending: number[], percent: number): number {
  const rank = Math.min(sortedAscending.length, Math.max(1, Math.ceil((percent * sortedAscending.length) / 100)));
  return sortedAscending[rank - 1] ?? 0;
}

const roundHours = (hours: number) => Math.round(hours * 100) / 100;

/** The Monday on or before a calendar day (ISO weeks start on Monday). */
function mondayOf(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  const isoWeekday = ((new Date(at).getUTCDay() + 6) % 7) + 1;
  return new Date(at - (isoWeekday - 1) * DAY).toISOString().slice(0, 10);
}
