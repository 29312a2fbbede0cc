import { randomBytes } from 'node:crypto';
import { composeMime } from '@firmly/mail';
import type { GmailSandbox } from '@firmly/sandbox';

/**
 * A deterministic, realistic mailbox for the sync benchmark: conversations of 1–10
 * messages between the operator and several clients over the back-fill window,
 * client mail in INBOX and own mail in SENT, replies threaded (In-Reply-To,
 * References, "Re:") and quoting the previous message, about a third in Hungarian
 * (encoded-word subjects and names, base64 bodies), half multipart/alternative with
 * HTML (through firmly's own composer), a few with a PDF attachment, a few auto-replies.
 */

interface Person {
  address: string;
  name: string;
}

interface Client {
  people: Person[];
  hungarian: boolean;
}

const CLIENTS: Client[] = [
  // The only domain the benchmark workspace knows as a client (connectedMailbox): its threads match.
  {
    people: [
      { address: 'anna@northwind.example', name: 'Anna Berg' },
      { address: 'tom@northwind.example', name: 'Tom Reyes' },
    ],
    hungarian: false,
  },
  {
    people: [
      { address: 'eva.kovacs@kovacs-es-tarsa.hu', name: 'Kovács Éva' },
      { address: 'adam@kovacs-es-tarsa.hu', name: 'Szabó Ádám' },
    ],
    hungarian: true,
  },
  { people: [{ address: 'gyorgy@tisza-porta.hu', name: 'Tóth György' }], hungarian: true },
  { people: [{ address: 'mira@bluebird.example', name: 'Mira Okafor' }], hungarian: false },
  {
    people: [
      { address: 'j.smith@acme-industries.example', name: 'John Smith' },
      { address: 'billing@acme-industries.example', name: 'Acme Billing' },
    ],
    hungarian: false,
  },
];

const EN_SUBJECTS = [
  'Content calendar for next month',
  'Homepage redesign – second round of feedback',
  'Invoice 2025-{n}',
  'Logo variations',
  'Quick question about the brief',
  'Launch checklist',
  'Revised quote',
  'Newsletter draft {n}',
  'Photos from the shoot',
  'Contract renewal',
];
const HU_SUBJECTS = [
  'Árajánlat – weboldal megújítás',
  'Számla {n}/2025',
  'Visszajelzés a második tervezetre',
  'Módosítások a szövegben',
  'Határidő egyeztetés',
  'Logó színváltozatok',
  'Hírlevél {n}. szám',
  'Szerződés meghosszabbítása',
];
const EN_SENTENCES = [
  'Thanks for sending the draft over, we went through it with the team this morning.',
  'Overall we like the direction, but the header still feels a bit heavy on mobile.',
  'Could you send the next version by Thursday so we can review it before the board meeting?',
  'We will pay the invoice by the end of the month, finance is still waiting for the PO number.',
  'I have attached the notes from our call; the main points are in the second section.',
  'Please keep the tone friendly but a little more formal than last time.',
  'The photos look great, could we get the high-resolution files as well?',
  'Can we move the launch to the week after next? Legal has not signed off yet.',
  'I am out of the office on Friday, Tom will approve anything urgent.',
  'Let us know if the budget changes, we would rather scale back the scope than go over.',
  'The client liked the second option best, with the darker blue from the first one.',
  'Just following up on my previous email — did you have a chance to look at the changes?',
  'We still have not received the final files, is there anything blocking you?',
  'Attached is the signed contract; the payment terms are net 30 as agreed.',
  'Could you add a short paragraph about the new pricing to the newsletter?',
  'I forwarded your proposal to our marketing director, she will get back to you next week.',
];
const HU_SENTENCES = [
  'Köszönöm a tervezetet, ma délelőtt átnéztük a csapattal.',
  'Összességében tetszik az irány, de a fejléc mobilon még mindig túl hangsúlyos.',
  'Csütörtökig el tudnád küldeni a következő verziót, hogy az igazgatósági ülés előtt átnézhessük?',
  'A számlát a hónap végéig kifizetjük, a pénzügy még a megrendelésszámra vár.',
  'Mellékelem a megbeszélés jegyzeteit, a lényeg a második részben található.',
  'Kérlek, a hangnem legyen barátságos, de egy kicsit hivatalosabb, mint legutóbb.',
  'A fotók nagyon jók lettek, megkaphatnánk a nagy felbontású fájlokat is?',
  'Áttehetjük az indulást a jövő utáni hétre? A jogászok még nem hagyták jóvá.',
  'Pénteken szabadságon leszek, a sürgős dolgokat Ádám hagyja jóvá.',
  'Szóljatok, ha változik a költségkeret, inkább szűkítsük a feladatot, mint hogy túllépjük.',
  'Az ügyfélnek a második változat tetszett a legjobban, az első sötétebb kékjével.',
  'Csak érdeklődnék az előző levelem kapcsán — volt alkalmad megnézni a módosításokat?',
  'A végleges fájlokat még mindig nem kaptuk meg, akad valami, ami hátráltat?',
  'Mellékelten küldöm az aláírt szerződést; a fizetési határidő 30 nap, ahogy megbeszéltük.',
  'Be tudnál tenni egy rövid bekezdést az új árazásról a hírlevélbe?',
  'Továbbítottam az ajánlatodat a marketingigazgatónknak, jövő héten jelentkezik.',
];

/** mulberry32: the same corpus on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const encodeWord = (s: string) => (/[^\x20-\x7e]/.test(s) ? `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=` : s);
const formatAddress = (p: Person) => `${encodeWord(p.name)} <${p.address}>`;
const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');
const base64Lines = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

function body(rng: Rng, hungarian: boolean, to: Person, from: Person, quoted: string | undefined): string {
  const sentences = hungarian ? HU_SENTENCES : EN_SENTENCES;
  const paragraphs: string[] = [hungarian ? `Szia ${to.name.split(' ').at(-1)}!` : `Hi ${to.name.split(' ')[0]},`];
  const count = rng.int(2, 6);
  for (let p = 0; p < count; p++) {
    paragraphs.push(Array.from({ length: rng.int(2, 5) }, () => rng.pick(sentences)).join(' '));
  }
  paragraphs.push(hungarian ? `Üdvözlettel,\n${from.name}` : `Best regards,\n${from.name}`);
  let text = paragraphs.join('\n\n');
  if (quoted) {
    // Most clients quote the message they answer; keep a few KB of it at most.
    const quote = quoted
      .slice(0, 2_500)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    text += `\n\n${hungarian ? 'Az előző levél:' : 'On a previous day, you wrote:'}\n${quote}`;
  }
  return text;
}

function html(text: string): string {
  const paragraphs = text
    .split('\n\n')
    .map(
      (p) =>
        `<p style="margin:0 0 12px">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`,
    );
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs.join('')}<table><tr><td style="color:#888">Sent from my office</td></tr></table></div></body></html>`;
}

interface Draft {
  from: Person;
  to: Person;
  subject: string;
  text: string;
  hungarian: boolean;
  messageId: string;
  references: string[];
  date: Date;
  autoReply: boolean;
}

async function mime(rng: Rng, d: Draft): Promise<Buffer> {
  const kind = d.autoReply ? 'plain' : rng.next() < 0.5 ? 'html' : rng.next() < 0.8 ? 'plain' : 'attachment';
  const inReplyTo = d.references.at(-1);
  if (kind === 'html') {
    return composeMime({
      from: d.from,
      to: [d.to],
      subject: d.subject,
      text: d.text,
      html: html(d.text),
      messageId: d.messageId,
      ...(inReplyTo ? { inReplyTo, references: d.references } : {}),
      date: d.date,
    });
  }
  const headers = [
    `From: ${formatAddress(d.from)}`,
    `To: ${formatAddress(d.to)}`,
    `Subject: ${encodeWord(d.subject)}`,
    `Date: ${rfc2822(d.date)}`,
    `Message-ID: <${d.messageId}>`,
    ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}>`, `References: ${d.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...(d.autoReply ? ['Auto-Submitted: auto-replied', 'X-Autoreply: yes'] : []),
    'MIME-Version: 1.0',
  ];
  const textPart = d.hungarian
    ? ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(d.text, 'utf8'))]
    : ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit', '', d.text.replace(/\n/g, '\r\n')];
  if (kind === 'plain') return Buffer.from([...headers, ...textPart].join('\r\n'), 'utf8');
  const boundary = `----=_Part_${randomBytes(8).toString('hex')}`;
  const name = d.hungarian ? `szamla-${rng.int(100, 999)}.pdf` : `invoice-${rng.int(100, 999)}.pdf`;
  const attachment = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(rng.int(2_000, 6_000))]);
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      ...textPart,
      `--${boundary}`,
      `Content-Type: application/pdf; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

export interface SeedReport {
  messages: number;
  threads: number;
  inbound: number;
  hungarian: number;
  bytes: number;
}

/**
 * Delivers `count` messages into the sandbox mailbox `own`, oldest first, dated over
 * the last `days` days (kept inside firmly's back-fill window).
 */
export async function seedMailbox(sandbox: GmailSandbox, own: Person, count: number, days: number, seed = 20_251): Promise<SeedReport> {
  const rng = prng(seed);
  const now = Date.now();
  const oldest = now - (days - 0.5) * 86_400_000;
  const planned: { date: number; raw: Buffer; labelIds: string[] }[] = [];
  const report: SeedReport = { messages: 0, threads: 0, inbound: 0, hungarian: 0, bytes: 0 };
  let serial = 0;
  while (planned.length < count) {
    report.threads += 1;
    const client = rng.pick(CLIENTS);
    const contact = rng.pick(client.people);
    const hungarian = client.hungarian ? rng.chance(0.9) : rng.chance(0.05);
    const subject = rng.pick(hungarian ? HU_SUBJECTS : EN_SUBJECTS).replace('{n}', String(rng.int(10, 400)));
    const length = Math.min(10, 1 + Math.floor(-Math.log(1 - rng.next()) * 2.5));
    let at = oldest + rng.next() * (now - oldest - 3_600_000);
    let clientSpeaks = rng.chance(0.7);
    const references: string[] = [];
    let previous: string | undefined;
    for (let i = 0; i < length && planned.length < count && at < now; i++) {
      serial += 1;
      const from = clientSpeaks ? contact : own;
      const to = clientSpeaks ? own : contact;
      const autoReply = clientSpeaks && i > 0 && rng.chance(0.02);
      const text = autoReply
        ? hungarian
          ? 'Köszönöm a levelét. Szabadságon vagyok, hétfőn válaszolok.'
          : 'Thank you for your email. I am out of the office and will reply on Monday.'
        : body(rng, hungarian, to, from, previous);
      const messageId = `${serial}.${randomBytes(6).toString('hex')}@${from.address.split('@')[1]}`;
      const draft: Draft = {
        from,
        to,
        subject: autoReply ? `${hungarian ? 'Házon kívül' : 'Automatic reply'}: ${subject}` : i === 0 ? subject : `Re: ${subject}`,
        text,
        hungarian,
        messageId,
        references: [...references],
        date: new Date(Math.floor(at)),
        autoReply,
      };
      const raw = await mime(rng, draft);
      planned.push({
        date: Math.floor(at),
        raw,
        labelIds: clientSpeaks ? ['INBOX', ...(now - at < 7 * 86_400_000 ? ['UNREAD'] : [])] : ['SENT'],
      });
      report.messages += 1;
      report.bytes += raw.length;
      if (clientSpeaks) report.inbound += 1;
      if (hungarian) report.hungarian += 1;
      if (!autoReply) {
        references.push(messageId);
        previous = text;
      }
      // Mostly alternating; sometimes one side writes twice (a follow-up, a reminder).
      if (!autoReply) clientSpeaks = clientSpeaks ? rng.chance(0.15) : rng.chance(0.8);
      at += rng.int(10, 48 * 60) * 60_000;
    }
  }
  // Oldest first, so a reply always finds the message it answers (Gmail's threading).
  planned.sort((a, b) => a.date - b.date);
  for (const m of planned) sandbox.admin.deliver(own.address, m.raw, { labelIds: m.labelIds, internalDate: m.date });
  return report;
}
