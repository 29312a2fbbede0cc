import { describe, expect, it } from 'vitest';
import type { NormalizedMessage, ProviderMessage } from '../model';
import { chooseSentAt, MAX_FUTURE_SKEW_MS, type MailboxIdentity, normaliseProviderMessage } from './normalise';

const receivedAt = new Date('2024-03-05T09:00:30.000Z');
const gmail: MailboxIdentity = { address: 'Me@Freelancer.example', aliases: ['billing@freelancer.example'], provider: 'gmail' };
const graph: MailboxIdentity = { address: 'me@freelancer.example', provider: 'graph' };

function message(headers: string[], patch: Partial<ProviderMessage> = {}): ProviderMessage {
  return {
    providerMessageId: 'msg-1',
    providerThreadId: 'thr-1',
    receivedAt,
    labels: ['INBOX'],
    raw: Buffer.from(`${headers.join('\r\n')}\r\n\r\nHello\r\n`),
    ...patch,
  };
}

const from = (address: string) => [`From: ${address}`, 'To: someone@client.example', 'Subject: s', 'Date: Tue, 5 Mar 2024 10:00:00 +0100'];

function expectOk(result: NormalizedMessage) {
  if (result.status !== 'ok') throw new Error(`expected ok, got malformed: ${result.error}`);
  return result;
}

describe('normaliseProviderMessage', () => {
  it('returns the parsed message with ids, sentAt from the Date header and inbound direction', async () => {
    const result = expectOk(await normaliseProviderMessage(message(from('Anna <anna@client.example>')), gmail));
    expect(result).toMatchObject({ providerMessageId: 'msg-1', providerThreadId: 'thr-1', direction: 'inbound' });
    expect(result.sentAt.toISOString()).toBe('2024-03-05T09:00:00.000Z');
    expect(result.visibleText).toBe('Hello');
    // The bodies stay on the parsing side: ingest keeps the visible text only.
    expect(result.parsed).not.toHaveProperty('text');
    expect(result.parsed).not.toHaveProperty('html');
  });

  it('keeps the reply of a 10 MB body without its quote, and says the body was cut', async () => {
    const quote = '> an old line of a very long thread\r\n'.repeat(300_000);
    const raw = Buffer.from(
      `${from('anna@client.example').join('\r\n')}\r\n\r\nYes, go ahead.\r\n\r\nOn Mon, 4 Mar 2024, Me <me@freelancer.example> wrote:\r\n${quote}`,
    );
    const result = expectOk(await normaliseProviderMessage(message([], { raw }), gmail));
    expect(result.visibleText).toBe('Yes, go ahead.');
    expect(result.visibleTextNote).toMatch(/truncated/);
  });

  it('is outbound when From is the mailbox or an alias (case and spaces ignored)', async () => {
    for (const address of ['me@freelancer.example', 'ME@FREELANCER.EXAMPLE', 'Me <me@freelancer.example>', 'billing@Freelancer.example']) {
      expect(expectOk(await normaliseProviderMessage(message(from(address)), gmail)).direction, address).toBe('outbound');
    }
    expect(expectOk(await normaliseProviderMessage(message(from('me@freelancer.example.evil')), gmail)).direction).toBe('inbound');
  });

  it("is outbound when the provider files it as sent: Gmail's SENT label, Graph's sentitems folder", async () => {
    const other = from('alias-we-do-not-know@freelancer.example');
    expect(expectOk(await normaliseProviderMessage(message(other, { labels: ['SENT', 'IMPORTANT'] }), gmail)).direction).toBe('outbound');
    expect(expectOk(await normaliseProviderMessage(message(other, { labels: ['sentitems'] }), graph)).direction).toBe('outbound');
    // Each provider's own vocabulary only.
    expect(expectOk(await normaliseProviderMessage(message(other, { labels: ['sentitems'] }), gmail)).direction).toBe('inbound');
    expect(expectOk(await normaliseProviderMessage(message(other, { labels: ['inbox'] }), graph)).direction).toBe('inbound');
  });

  it('falls back to receivedAt when the Date header is missing, unparseable, or more than a day in the future', async () => {
    const withDate = (date: string | undefined) =>
      message(['From: anna@client.example', 'Subject: s', ...(date === undefined ? [] : [`Date: ${date}`])]);
    const sentAt = async (date: string | undefined) => expectOk(await normaliseProviderMessage(withDate(date), gmail)).sentAt.toISOString();

    expect(await sentAt(undefined)).toBe(receivedAt.toISOString());
    expect(await sentAt('garbage')).toBe(receivedAt.toISOString());
    // A clock running two days ahead must not put this message after later replies.
    expect(await sentAt('Thu, 7 Mar 2024 09:00:00 +0000')).toBe(receivedAt.toISOString());
    expect(await sentAt('Fri, 1 Jan 2077 00:00:00 +0000')).toBe(receivedAt.toISOString());
    // Ordinary skew (a few hours) and delayed delivery (Date earlier than receipt) keep the Date.
    expect(await sentAt('Tue, 5 Mar 2024 20:00:00 +0000')).toBe('2024-03-05T20:00:00.000Z');
    expect(await sentAt('Mon, 4 Mar 2024 09:00:00 +0000')).toBe('2024-03-04T09:00:00.000Z');
  });

  it('returns malformed (never throws) for missing raw, empty raw and unusable bytes', async () => {
    const cases: Array<[Partial<ProviderMessage>, RegExp]> = [
      [{ raw: undefined }, /no raw MIME content/],
      [{ raw: Buffer.alloc(0) }, /no raw MIME content/],
      [{ raw: Buffer.from('   \r\n') }, /empty message/],
      [{ raw: Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a, 0x0a, 0x80]) }, /not an email message/],
    ];
    for (const [patch, reason] of cases) {
      const result = await normaliseProviderMessage(message([], patch), gmail);
      expect(result).toMatchObject({ status: 'malformed', providerMessageId: 'msg-1', providerThreadId: 'thr-1', sentAt: receivedAt });
      expect(result.status === 'malformed' && result.error).toMatch(reason);
    }
  });
});

describe('chooseSentAt', () => {
  it('accepts up to MAX_FUTURE_SKEW_MS ahead of receipt, inclusive', () => {
    const at = (offset: number) => new Date(receivedAt.getTime() + offset);
    expect(chooseSentAt(at(MAX_FUTURE_SKEW_MS), receivedAt)).toEqual(at(MAX_FUTURE_SKEW_MS));
    expect(chooseSentAt(at(MAX_FUTURE_SKEW_MS + 1), receivedAt)).toBe(receivedAt);
    expect(chooseSentAt(undefined, receivedAt)).toBe(receivedAt);
  });
});
