import type { WorkingCalendar } from '@firmly/core';

/** The demo studio's own mailbox (on the in-process Gmail sandbox) and its owner. */
export const DEMO_MAILBOX = 'studio@demo.firmly.example';
export const DEMO_WORKSPACE_SLUG = 'demo';
/** "Demo —" says on every screen and letter that this is not a real studio. */
export const DEMO_WORKSPACE_NAME = 'Demo — Northlight Studio';
export const DEMO_OWNER = { email: 'owner@demo.firmly.example', name: 'Nóra Kiss' } as const;

/** The four patterns the demo shows, one client each (PRODUCT §2). */
export type DemoClientKey = 'responsive' | 'unresponsive' | 'controlling' | 'latePayer';

export interface DemoClient {
  key: DemoClientKey;
  name: string;
  locale: 'en' | 'hu';
  /** The client's calendar, zone included (stored as the clients row's timezone + working_calendar). */
  calendar: WorkingCalendar;
  contact: { address: string; name: string };
  domain: string;
  contract: {
    title: string;
    dueRule: { kind: 'day_of_month' | 'net_days'; value: number };
    feeMinor: bigint;
    currency: string;
  };
}

const london: WorkingCalendar = {
  timezone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '17:30',
  country: 'GB',
};
const budapest: WorkingCalendar = {
  timezone: 'Europe/Budapest',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '08:30',
  endsAt: '16:30',
  country: 'HU',
};

export const demoClients: Record<DemoClientKey, DemoClient> = {
  responsive: {
    key: 'responsive',
    name: 'Northwind Bakery',
    locale: 'en',
    calendar: london,
    contact: { address: 'hannah@northwind-bakery.example', name: 'Hannah Reed' },
    domain: 'northwind-bakery.example',
    contract: { title: 'Social media retainer', dueRule: { kind: 'net_days', value: 14 }, feeMinor: 120_000n, currency: 'GBP' },
  },
  unresponsive: {
    key: 'unresponsive',
    name: 'Balaton Borház Kft.',
    locale: 'hu',
    calendar: budapest,
    contact: { address: 'gergely@balatonborhaz.example', name: 'Tóth Gergely' },
    domain: 'balatonborhaz.example',
    contract: { title: 'Közösségimédia-kezelés', dueRule: { kind: 'net_days', value: 8 }, feeMinor: 32_000_000n, currency: 'HUF' },
  },
  controlling: {
    key: 'controlling',
    name: 'Harbour & Finch Interiors',
    locale: 'en',
    calendar: london,
    contact: { address: 'marta@harbourfinch.example', name: 'Marta Finch' },
    domain: 'harbourfinch.example',
    contract: { title: 'Launch campaign and website', dueRule: { kind: 'net_days', value: 30 }, feeMinor: 480_000n, currency: 'GBP' },
  },
  latePayer: {
    key: 'latePayer',
    name: 'Kovács és Társa Kft.',
    locale: 'hu',
    calendar: budapest,
    contact: { address: 'kovacs.anna@kovacs-tarsa.example', name: 'Kovács Anna' },
    domain: 'kovacs-tarsa.example',
    contract: { title: 'Havi tartalomgyártás', dueRule: { kind: 'net_days', value: 14 }, feeMinor: 45_000_000n, currency: 'HUF' },
  },
};

export const demoClientKeys = Object.keys(demoClients) as DemoClientKey[];
