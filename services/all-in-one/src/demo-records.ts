/**
 * The demo's work log and managed accounts, per client: what the closing report and the handover
 * checklist show when the operator tries ending a relationship in the demo. The operator writes
 * the work log in the client's language, since it goes into the closing report.
 */
import type { schema } from '@firmly/db';
import type { DemoClientKey } from './demo-clients';

type Platform = (typeof schema.managedAccountPlatforms)[number];

export interface DemoRecords {
  /** Days before today, what, and what it achieved. */
  work: ReadonlyArray<{ daysAgo: number; title: string; outcome?: string }>;
  accounts: ReadonlyArray<{ platform: Platform; handle: string; accessLevel: string; owner: 'client' | 'operator' }>;
}

export const demoRecords: Record<DemoClientKey, DemoRecords> = {
  responsive: {
    work: [
      { daysAgo: 40, title: 'Autumn menu launch: 8 posts and a reel', outcome: 'Reel reached 12,400 people, 3× the usual' },
      { daysAgo: 12, title: 'November newsletter and 6 posts', outcome: 'Newsletter opened by 48 %' },
    ],
    accounts: [
      { platform: 'meta_business_suite', handle: 'Northwind Bakery', accessLevel: 'Full control', owner: 'client' },
      { platform: 'google_business_profile', handle: 'Northwind Bakery, Camden', accessLevel: 'Manager', owner: 'client' },
    ],
  },
  unresponsive: {
    work: [
      { daysAgo: 55, title: 'Szüreti kampányterv', outcome: 'Három hét után jóváhagyva' },
      { daysAgo: 20, title: 'Borkóstoló esemény posztjai (5 db)', outcome: 'Kettő megjelent, három még visszajelzésre vár' },
    ],
    accounts: [
      { platform: 'meta_business_suite', handle: 'Balaton Borház', accessLevel: 'Admin', owner: 'operator' },
      { platform: 'google_ads', handle: '123-456-7890', accessLevel: 'Admin', owner: 'operator' },
    ],
  },
  controlling: {
    work: [
      { daysAgo: 30, title: 'Showroom photo series, 10 posts', outcome: 'Engagement up 22 % on October' },
      { daysAgo: 9, title: 'Christmas collection teaser', outcome: 'Held: waiting for approval of each caption' },
    ],
    accounts: [{ platform: 'linkedin_page', handle: 'linkedin.com/company/harbour-finch', accessLevel: 'Super admin', owner: 'client' }],
  },
  latePayer: {
    work: [
      {
        daysAgo: 60,
        title: 'Webshop termékfotók és 12 poszt',
        outcome: 'A közösségi oldalakról érkező webshop-látogatások 35 %-kal nőttek',
      },
      { daysAgo: 25, title: 'Black Friday hirdetési kampány', outcome: 'ROAS 4,1 egy 300 000 Ft-os kereten' },
    ],
    accounts: [
      { platform: 'meta_business_suite', handle: 'Kovács és Társa', accessLevel: 'Admin', owner: 'operator' },
      { platform: 'tiktok', handle: '@kovacsestarsa', accessLevel: 'Admin', owner: 'operator' },
    ],
  },
};
