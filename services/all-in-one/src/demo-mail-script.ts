import type { DemoClientKey } from './demo-clients';
import type { DemoWhen } from './demo-timeline';

/**
 * The demo mailbox's client mail: real messages the worker syncs and analyses like any
 * other. Each client's threads are written so the detectors of docs/analysis.md see the
 * pattern the client stands for, and so the ladders' thresholds are crossed at the first
 * start (times count back from it in the client's own calendar):
 *
 * - responsive: every ask answered within hours, and the client writes last;
 * - unresponsive: two asks left open for more than the 2-business-day SLA (and an older
 *   one answered late, which documents a missed deadline);
 * - controlling: per-item approval demands, distrust, tiny changes and revision rounds
 *   from four weeks back, so the control score has been above the threshold for two weeks
 *   (demo-control-history.ts records that history);
 * - late payer: invoices by mail without asks; the invoices and payments themselves are
 *   recorded in demo-ledger.ts.
 */
export interface DemoMessage {
  /** Stable within the script: the Message-ID, so every start delivers the same mail. */
  id: string;
  client: DemoClientKey;
  /** `out`: the studio wrote it (SENT); `in`: the client did (INBOX). */
  direction: 'out' | 'in';
  subject: string;
  text: string;
  when: DemoWhen;
  /** The script id of the message it answers (same thread). */
  replyTo?: string;
}

const responsive: DemoMessage[] = [
  {
    id: 'nw-calendar-1',
    client: 'responsive',
    direction: 'out',
    subject: 'Content calendar for next month',
    text: 'Hi Hannah,\n\nthe content calendar for next month is in the shared folder. Could you approve it by Thursday so we can schedule the posts?\n\nThanks,\nNóra',
    when: { workingDaysAgo: 9, at: '09:40' },
  },
  {
    id: 'nw-calendar-2',
    client: 'responsive',
    direction: 'in',
    subject: 'Re: Content calendar for next month',
    text: 'Hi Nóra,\n\nlooks lovely, approved. Thank you!\n\nHannah',
    when: { workingDaysAgo: 9, at: '11:15' },
    replyTo: 'nw-calendar-1',
  },
  {
    id: 'nw-calendar-3',
    client: 'responsive',
    direction: 'out',
    subject: 'Re: Content calendar for next month',
    text: 'Wonderful, thank you. Everything is scheduled.\n\nNóra',
    when: { workingDaysAgo: 9, at: '11:40' },
    replyTo: 'nw-calendar-2',
  },
  {
    id: 'nw-photos-1',
    client: 'responsive',
    direction: 'out',
    subject: 'Photos of the winter menu',
    text: 'Hi Hannah,\n\ncould you send us a few photos of the winter menu by Friday? We would like to feature the new cakes.\n\nThanks,\nNóra',
    when: { workingDaysAgo: 6, at: '10:05' },
  },
  {
    id: 'nw-photos-2',
    client: 'responsive',
    direction: 'in',
    subject: 'Re: Photos of the winter menu',
    text: 'Hi Nóra,\n\nhere they are, six photos of the new cakes. Hope they work!\n\nHannah',
    when: { workingDaysAgo: 6, at: '14:20' },
    replyTo: 'nw-photos-1',
  },
  {
    id: 'nw-hours-1',
    client: 'responsive',
    direction: 'out',
    subject: 'Opening hours over the holidays',
    text: 'Hi Hannah,\n\nwill the shop keep its usual hours over the holidays? We would like to post them next week.\n\nNóra',
    when: { workingDaysAgo: 2, at: '09:30' },
  },
  {
    id: 'nw-hours-2',
    client: 'responsive',
    direction: 'in',
    subject: 'Re: Opening hours over the holidays',
    text: 'Hi Nóra,\n\nyes, the usual hours, except that we close at 2 pm on Christmas Eve. Thanks for asking!\n\nHannah',
    when: { workingDaysAgo: 2, at: '10:10' },
    replyTo: 'nw-hours-1',
  },
];

const unresponsive: DemoMessage[] = [
  {
    id: 'bb-logo-1',
    client: 'unresponsive',
    direction: 'out',
    subject: 'Logó vektoros formátumban',
    text: 'Szia Gergely!\n\nKérlek, küldd át a logót vektoros formátumban (SVG vagy PDF), hogy elkészíthessük a címkék grafikáját.\n\nKöszönöm,\nNóra',
    when: { workingDaysAgo: 25, at: '10:00' },
  },
  {
    id: 'bb-logo-2',
    client: 'unresponsive',
    direction: 'in',
    subject: 'Re: Logó vektoros formátumban',
    text: 'Szia, bocsi a késésért, csatoltam a logót.\n\nGergely',
    when: { workingDaysAgo: 19, at: '15:40' },
    replyTo: 'bb-logo-1',
  },
  {
    id: 'bb-posts-1',
    client: 'unresponsive',
    direction: 'out',
    subject: 'A következő havi posztok jóváhagyása',
    text: 'Szia Gergely!\n\nElkészültek a következő havi posztok, a megosztott mappában megnézheted őket. Jóváhagynád őket csütörtökig, hogy időben be tudjuk időzíteni?\n\nKöszönöm,\nNóra',
    when: { workingDaysAgo: 5, at: '09:45' },
  },
  {
    id: 'bb-photos-1',
    client: 'unresponsive',
    direction: 'out',
    subject: 'Fotók a szüretről',
    text: 'Szia Gergely!\n\nA pincészetről szóló bejegyzéshez szükségünk lenne néhány fotóra a szüretről. Tudnál küldeni öt-hat képet péntekig?\n\nKöszönöm,\nNóra',
    when: { workingDaysAgo: 4, at: '11:20' },
  },
];

const controlling: DemoMessage[] = [
  // Four weeks back: the launch posts, where per-item approval starts.
  {
    id: 'hf-launch-1',
    client: 'controlling',
    direction: 'out',
    subject: 'Launch posts: first drafts',
    text: 'Hi Marta,\n\nthe first drafts of the launch posts are in the shared folder. Could you let us know what you think by Wednesday?\n\nThanks,\nNóra',
    when: { daysAgo: 27, at: '10:00' },
  },
  {
    id: 'hf-launch-2',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Launch posts: first drafts',
    text: 'Nóra,\n\nI want to see every single post before it goes out. Nothing gets published without my OK.\n\nMarta',
    when: { daysAgo: 27, at: '12:30' },
    replyTo: 'hf-launch-1',
  },
  {
    id: 'hf-launch-3',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Launch posts: first drafts',
    text: 'Change the headline on the second post again. And move the logo 2px to the left.\n\nMarta',
    when: { daysAgo: 26, at: '18:40' },
    replyTo: 'hf-launch-2',
  },
  {
    id: 'hf-launch-4',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Launch posts: first drafts',
    text: 'Make the blue a bit darker on every slide. I will check everything myself.\n\nMarta',
    when: { daysAgo: 24, at: '21:15' },
    replyTo: 'hf-launch-3',
  },
  {
    id: 'hf-launch-5',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Launch posts: first drafts',
    text: 'Another round of edits, please: change the comma in the caption of the fourth post.\n\nMarta',
    when: { daysAgo: 23, at: '08:10' },
    replyTo: 'hf-launch-4',
  },
  {
    id: 'hf-launch-6',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Launch posts: first drafts',
    text: 'From now on, send me each caption one by one for approval.\n\nMarta',
    when: { daysAgo: 21, at: '19:30' },
    replyTo: 'hf-launch-5',
  },
  // Three weeks back: the website banner.
  {
    id: 'hf-banner-1',
    client: 'controlling',
    direction: 'out',
    subject: 'Website banner for review',
    text: 'Hi Marta,\n\nthe new website banner is ready. Could you approve it by Friday?\n\nThanks,\nNóra',
    when: { daysAgo: 20, at: '10:00' },
  },
  {
    id: 'hf-banner-2',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Website banner for review',
    text: "I don't trust you to get the colours right, so I have to check everything you send.\n\nMarta",
    when: { daysAgo: 19, at: '07:50' },
    replyTo: 'hf-banner-1',
  },
  {
    id: 'hf-banner-3',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Website banner for review',
    text: 'Make the font one point bigger and the green a bit lighter.\n\nMarta',
    when: { daysAgo: 18, at: '20:05' },
    replyTo: 'hf-banner-2',
  },
  {
    id: 'hf-banner-4',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Website banner for review',
    text: 'Nothing goes live without my OK. Send me the banner again before it goes out.\n\nMarta',
    when: { daysAgo: 16, at: '09:15' },
    replyTo: 'hf-banner-3',
  },
  // The last two weeks: the weekly posts, and it goes on.
  {
    id: 'hf-weekly-1',
    client: 'controlling',
    direction: 'out',
    subject: 'Posts for next week',
    text: 'Hi Marta,\n\nhere are the posts for next week. Could you approve them by Thursday?\n\nThanks,\nNóra',
    when: { daysAgo: 12, at: '10:00' },
  },
  {
    id: 'hf-weekly-2',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Posts for next week',
    text: 'I want to approve every post individually. Change the headline of the first one again and move the photo a few pixels up.\n\nMarta',
    when: { daysAgo: 12, at: '22:30' },
    replyTo: 'hf-weekly-1',
  },
  {
    id: 'hf-weekly-3',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Posts for next week',
    text: "I can't trust it otherwise, so I will check everything you send before it goes out.\n\nMarta",
    when: { daysAgo: 8, at: '19:45' },
    replyTo: 'hf-weekly-2',
  },
  {
    id: 'hf-weekly-4',
    client: 'controlling',
    direction: 'in',
    subject: 'Re: Posts for next week',
    text: 'Send me every post before it goes out. And make the logo a bit bigger on the last slide.\n\nMarta',
    when: { daysAgo: 4, at: '08:20' },
    replyTo: 'hf-weekly-3',
  },
];

const latePayer: DemoMessage[] = [
  {
    id: 'kt-invoice-1',
    client: 'latePayer',
    direction: 'out',
    subject: 'Számla – KT-0045',
    text: 'Kedves Anna!\n\nMellékelten küldöm a KT-0045 számú számlát a havi tartalomgyártásról, 450 000 Ft összegben. A fizetési határidő 14 nap.\n\nÜdvözlettel,\nNóra',
    when: { daysAgo: 28, at: '09:30' },
  },
  {
    id: 'kt-invoice-2',
    client: 'latePayer',
    direction: 'in',
    subject: 'Re: Számla – KT-0045',
    text: 'Kedves Nóra!\n\nKöszönöm, megkaptam.\n\nÜdvözlettel,\nKovács Anna',
    when: { daysAgo: 27, at: '10:15' },
    replyTo: 'kt-invoice-1',
  },
];

export const demoMailScript: readonly DemoMessage[] = [...responsive, ...unresponsive, ...controlling, ...latePayer];
