import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeClient } from './client';
import { analyzeThread } from './thread';
import type { AnalysisMessage, ClientProfile, ThreadAnalysis } from './types';

const client: ClientProfile = {
  id: 'client-1',
  locale: 'en',
  calendar: { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
  contactAddresses: ['anna@bakery.example'],
  domains: ['bakery.example'],
  slaBusinessHours: 16,
};
const NOW = new Date('2026-11-27T15:00:00Z'); // a Friday

let seq = 0;
function message(partial: Partial<AnalysisMessage> & Pick<AnalysisMessage, 'direction' | 'visibleText' | 'sentAt'>): AnalysisMessage {
  seq += 1;
  return {
    id: partial.id ?? `m${String(seq).padStart(4, '0')}`,
    threadId: partial.threadId ?? 't1',
    fromAddress: partial.fromAddress ?? (partial.direction === 'outbound' ? 'studio@agency.example' : 'anna@bakery.example'),
    subject: partial.subject ?? 'Posts for next week',
    isAutoReply: partial.isAutoReply ?? false,
    attachments: partial.attachments ?? [],
    ...partial,
  };
}

const ASK = 'Could you approve the posts for next week by Thursday?';

describe('analyzeThread: asks and answers', () => {
  it('an ask is answered by the first later message from the client', () => {
    const ask = message({ direction: 'outbound', visibleText: ASK, sentAt: new Date('2026-11-23T09:00:00Z') });
    const reply = message({ direction: 'inbound', visibleText: 'Approved, thanks!', sentAt: new Date('2026-11-23T13:00:00Z') });
    const later = message({ direction: 'inbound', visibleText: 'One more thing.', sentAt: new Date('2026-11-24T13:00:00Z') });
    const result = analyzeThread('t1', [later, reply, ask], client, { now: NOW });
    expect(result.asks).toHaveLength(1);
    expect(result.asks[0]).toMatchObject({ messageId: ask.id, status: 'answered', answeredByMessageId: reply.id, source: 'detected' });
    expect(result.asks[0]?.sentence).toContain('approve the posts');
  });

  it('auto-replies, our own follow-ups and people outside the client never answer', () => {
    const ask = message({ direction: 'outbound', visibleText: ASK, sentAt: new Date('2026-11-23T09:00:00Z') });
    const ooo = message({
      direction: 'inbound',
      isAutoReply: true,
      subject: 'Automatic reply: Posts for next week',
      visibleText: 'I am out of the office until Monday, 30 November 2026, with limited access to email.',
      sentAt: new Date('2026-11-23T09:01:00Z'),
    });
    const followUp = message({ direction: 'outbound', visibleText: 'Just checking in on this.', sentAt: new Date('2026-11-25T09:00:00Z') });
    const stranger = message({
      direction: 'inbound',
      fromAddress: 'printer@elsewhere.example',
      visibleText: 'Approved',
      sentAt: new Date('2026-11-25T10:00:00Z'),
    });
    const result = analyzeThread('t1', [ask, ooo, followUp, stranger], client, { now: NOW });
    expect(result.asks[0]).toMatchObject({ status: 'open', answeredByMessageId: undefined });
    // The out-of-office states a return date: escalation waits until that day starts in the client's zone.
    expect(result.asks[0]?.pausedUntil?.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(result.messages.find((m) => m.messageId === stranger.id)?.fromClient).toBe(false);
  });

  it('the operator’s mark wins over detection, both ways', () => {
    const detected = message({ direction: 'outbound', visibleText: ASK, sentAt: new Date('2026-11-23T09:00:00Z') });
    const plain = message({
      direction: 'outbound',
      visibleText: 'Here is the calendar for December.',
      sentAt: new Date('2026-11-23T10:00:00Z'),
    });
    const overrides = new Map([
      [detected.id, false],
      [plain.id, true],
    ]);
    const result = analyzeThread('t1', [detected, plain], client, { now: NOW, overrides });
    expect(result.asks.map((a) => [a.messageId, a.source])).toEqual([[plain.id, 'operator']]);
    expect(result.messages.find((m) => m.messageId === detected.id)?.askDismissed).toBe(true);
  });

  it('a Date in the future is read as now, with a note, and keeps its place', () => {
    const ask = message({ direction: 'outbound', visibleText: ASK, sentAt: new Date('2026-11-23T09:00:00Z') });
    const skewed = message({ direction: 'inbound', visibleText: 'Yes, approved.', sentAt: new Date('2031-01-01T00:00:00Z') });
    const result = analyzeThread('t1', [skewed, ask], client, { now: NOW });
    expect(result.asks[0]).toMatchObject({ status: 'answered', answeredAt: NOW });
    expect(result.messages.at(-1)?.notes.join(' ')).toMatch(/in the future/);
  });

  it('records why a message was analysed only in part', () => {
    const cut = message({
      direction: 'inbound',
      visibleText: 'Yes.',
      visibleTextNote: 'text input truncated at 1000000 characters',
      sentAt: new Date('2026-11-23T09:00:00Z'),
    });
    expect(analyzeThread('t1', [cut], client, { now: NOW }).messages[0]?.notes).toContain(
      'visible text: text input truncated at 1000000 characters',
    );
  });

  it('a thread of 500 messages, empty and malformed ones included, is analysed without throwing', () => {
    const messages: AnalysisMessage[] = [];
    for (let i = 0; i < 500; i++) {
      messages.push(
        message({
          threadId: 'big',
          direction: i % 2 === 0 ? 'outbound' : 'inbound',
          visibleText: i % 7 === 0 ? '' : i % 2 === 0 ? `${ASK} 🙂 ${i}` : 'שלום, approved ✅',
          sentAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000),
          malformed: i % 50 === 3,
        }),
      );
    }
    const result = analyzeThread('big', messages, client, { now: NOW });
    expect(result.messages).toHaveLength(500);
    expect(result.asks.length).toBeGreaterThan(200);
    const lastAnswerAt = messages.at(-1)?.sentAt.getTime() ?? 0;
    expect(result.asks.every((a) => a.status === 'answered' || a.askedAt.getTime() >= lastAnswerAt - 3_600_000)).toBe(true);
    expect(result.messages.filter((m) => m.notes.some((n) => n.includes('malformed')))).toHaveLength(10);
  });
});

describe('analysis is incremental: re-analysing only the changed thread equals a full recompute', () => {
  const texts = [
    ASK,
    'Thanks!',
    'Please send the logo in SVG.',
    'Mehet, jóváhagyom.',
    'Kérlek, küldd el a számlát.',
    'I paid the invoice yesterday.',
    '',
  ];
  const arbitraryMessage = fc.record({
    thread: fc.integer({ min: 0, max: 4 }),
    outbound: fc.boolean(),
    text: fc.constantFrom(...texts),
    minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    auto: fc.boolean(),
  });

  it('holds for any arrival order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryMessage, { minLength: 1, maxLength: 30 }), (specs) => {
        const start = Date.UTC(2026, 8, 1);
        const all = specs.map((s, i) => ({
          id: `x${String(i).padStart(3, '0')}`,
          threadId: `t${s.thread}`,
          direction: s.outbound ? ('outbound' as const) : ('inbound' as const),
          fromAddress: s.outbound ? 'studio@agency.example' : 'anna@bakery.example',
          subject: 'Re: work',
          visibleText: s.text,
          isAutoReply: !s.outbound && s.auto,
          attachments: [],
          sentAt: new Date(start + s.minutes * 60_000),
        }));
        // Incremental: messages arrive one by one (in array order, not time order); only their thread is re-analysed.
        const incremental = new Map<string, ThreadAnalysis>();
        const seen: AnalysisMessage[] = [];
        for (const m of all) {
          seen.push(m);
          incremental.set(
            m.threadId,
            analyzeThread(
              m.threadId,
              seen.filter((x) => x.threadId === m.threadId),
              client,
              { now: NOW },
            ),
          );
        }
        const scratch = new Map<string, ThreadAnalysis>();
        for (const threadId of new Set(all.map((m) => m.threadId)))
          scratch.set(threadId, analyzeThread(threadId, all, client, { now: NOW }));
        expect([...incremental.entries()].sort()).toEqual([...scratch.entries()].sort());
        const summary = (state: Map<string, ThreadAnalysis>) =>
          summarizeClient({
            client,
            asks: [...state.values()].flatMap((t) => t.asks),
            inbound: [...state.values()].flatMap((t) => t.messages),
            invoices: [],
            now: NOW,
          });
        expect(summary(incremental)).toEqual(summary(scratch));
      }),
      { numRuns: 60 },
    );
  });
});
