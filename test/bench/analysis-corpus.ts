import type { AnalysisMessage, ClientProfile } from '@firmly/core';

/**
 * A deterministic mailbox for `pnpm bench:analyze`: clients with threads of 1–10 messages
 * (about 3 on average), half English and half Hungarian, the visible text agency mail has
 * after stripping — asks, answers, approvals, control demands, payment claims, small talk —
 * spread evenly over `spanDays` before `end`.
 */
const EN_OUT = [
  'Could you approve the posts for next week by Thursday?',
  'Please send the logo in SVG format.',
  'Here is the content calendar for December. Let me know if you have any questions.',
  'Which version do you prefer, A or B?',
  'I have attached invoice INV-{n} for this month, due in 14 days.',
  'Thanks for the quick answer, we will publish tomorrow morning.',
];
const EN_IN = [
  'Looks great, approved!',
  'Can you change the headline again? And move the logo 2px to the left.',
  'Send me every post before it goes out, I need to approve everything.',
  'I transferred the payment for the last invoice yesterday.',
  'Thanks, I will get back to you next week.',
  'Version B please.',
];
const HU_OUT = [
  'Kérlek, hagyd jóvá a jövő heti posztokat csütörtökig.',
  'Küldenéd a logót SVG-ben?',
  'Csatoltam a havi számlát, a fizetési határidő 8 nap.',
  'Melyik verzió tetszik jobban?',
  'Köszönöm a gyors választ, holnap reggel élesítjük.',
];
const HU_IN = [
  'Tetszik, mehet!',
  'Minden posztot látni akarok, mielőtt kikerül.',
  'Átutaltam a számla összegét tegnap.',
  'Még egy kör javítás kellene a szövegen.',
  'Jövő héten jelentkezem.',
];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface AnalysisCorpus {
  clients: ClientProfile[];
  /** Per client, its messages in time order. */
  messagesByClient: Map<string, AnalysisMessage[]>;
  total: number;
}

export function analysisCorpus(options: { messages: number; clients: number; end: Date; spanDays: number; seed?: number }): AnalysisCorpus {
  const random = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clients: ClientProfile[] = [];
  const messagesByClient = new Map<string, AnalysisMessage[]>();
  for (let c = 0; c < options.clients; c++) {
    const hungarian = c % 2 === 1;
    const client: ClientProfile = {
      id: `client-${c}`,
      locale: hungarian ? 'hu' : 'en',
      calendar: hungarian
        ? { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' }
        : { timezone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:30', country: 'GB' },
      contactAddresses: [`boss@client${c}.example`],
      domains: [`client${c}.example`],
      slaBusinessHours: 16,
    };
    clients.push(client);
    messagesByClient.set(client.id, []);
  }
  const spanMs = options.spanDays * 86_400_000;
  const start = options.end.getTime() - spanMs;
  let made = 0;
  let thread = 0;
  while (made < options.messages) {
    const client = clients[thread % clients.length] as ClientProfile;
    const hungarian = client.locale === 'hu';
    const length = Math.min(options.messages - made, 1 + Math.floor(random() * random() * 10));
    let at = start + Math.floor(random() * spanMs);
    const list = messagesByClient.get(client.id) as AnalysisMessage[];
    for (let i = 0; i < length; i++) {
      const outbound = i % 2 === 0;
      const text = outbound ? pick(hungarian ? HU_OUT : EN_OUT) : pick(hungarian ? HU_IN : EN_IN);
      list.push({
        id: `m${String(made).padStart(7, '0')}`,
        threadId: `t${thread}`,
        direction: outbound ? 'outbound' : 'inbound',
        fromAddress: outbound ? 'studio@agency.example' : `boss@client${thread % clients.length}.example`,
        sentAt: new Date(Math.min(at, options.end.getTime())),
        subject: hungarian ? `Posztok ${thread}` : `Posts ${thread}`,
        visibleText: text.replace('{n}', String(thread)),
        isAutoReply: !outbound && random() < 0.02,
        attachments:
          text.includes('INV-') || text.includes('számlát')
            ? [{ name: `invoice-${thread}.pdf`, contentType: 'application/pdf', size: 48_000 }]
            : [],
      });
      made += 1;
      at += Math.floor(random() * 3 * 86_400_000);
    }
    thread += 1;
  }
  for (const list of messagesByClient.values()) list.sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || (a.id < b.id ? -1 : 1));
  return { clients, messagesByClient, total: made };
}
