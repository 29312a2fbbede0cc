import {
  type AnalysisMessage,
  analyzeThread,
  businessCalendar,
  type ClientProfile,
  extractVisibleText,
  summarizeClient,
} from '@firmly/core';
import { type Executor, schema } from '@firmly/db';
import { demoClients } from './demo-clients';
import { placedDemoMail } from './demo-placed-mail';

const DAY_MS = 86_400_000;
/** PRODUCT §4.3's two weeks: the controlling ladder's default controlSustainedDays. */
export const DEMO_CONTROL_HISTORY_DAYS = 14;

export interface ControlHistorySample {
  day: string;
  at: Date;
  score: number;
}

/**
 * The controlling client's score as the daily rollup would have recorded it on each of the
 * 14 days before the first start, had firmly been running: the same engine (analyzeThread,
 * summarizeClient) over the same scripted mail, judged as of each day. The ladder counts
 * days above the threshold from these samples (control_samples), and a new install has none,
 * so without them the demo could show the how-we-work-together step only two weeks later.
 * The samples fall exactly 1…14 days before the anchor: the episode then reaches two weeks
 * at the first start, and the rollup's own sample of that day is the one that completes it.
 */
export function demoControlHistory(anchor: Date): ControlHistorySample[] {
  const client = demoClients.controlling;
  const calendar = businessCalendar(client.calendar);
  const profile: ClientProfile = {
    id: 'demo-controlling',
    locale: client.locale,
    calendar: client.calendar,
    contactAddresses: [client.contact.address],
    domains: [client.domain],
    slaBusinessHours: (2 * calendar.workingDayMillis) / 3_600_000,
  };
  const messages: AnalysisMessage[] = placedDemoMail(anchor)
    .filter((m) => m.client === 'controlling')
    .map((m) => ({
      id: m.id,
      threadId: m.threadKey,
      direction: m.direction === 'out' ? 'outbound' : 'inbound',
      fromAddress: m.from,
      sentAt: m.sentAt,
      subject: m.subject,
      visibleText: extractVisibleText({ text: m.text }).text,
      isAutoReply: false,
      attachments: [],
    }));
  const threadIds = [...new Set(messages.map((m) => m.threadId))];
  return Array.from({ length: DEMO_CONTROL_HISTORY_DAYS }, (_, i) => {
    const at = new Date(anchor.getTime() - (DEMO_CONTROL_HISTORY_DAYS - i) * DAY_MS);
    const seen = messages.filter((m) => m.sentAt <= at);
    const threads = threadIds.map((id) => analyzeThread(id, seen, profile, { now: at, calendar }));
    const summary = summarizeClient({
      client: profile,
      asks: threads.flatMap((t) => t.asks),
      inbound: threads.flatMap((t) => t.messages).filter((f) => f.direction === 'inbound'),
      invoices: [],
      now: at,
      calendar,
    });
    return { day: calendar.localDate(at), at, score: Math.round(summary.control.score) };
  });
}

/** Stores the history in the caller's transaction; a day already sampled keeps its sample. */
export async function recordDemoControlHistory(
  tx: Executor,
  options: { workspaceId: string; clientId: string; anchor: Date },
): Promise<ControlHistorySample[]> {
  const samples = demoControlHistory(options.anchor);
  await tx
    .insert(schema.controlSamples)
    .values(samples.map((s) => ({ workspaceId: options.workspaceId, clientId: options.clientId, day: s.day, at: s.at, score: s.score })))
    .onConflictDoNothing();
  return samples;
}
