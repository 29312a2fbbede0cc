import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { clientStatus } from './enums';
import { tenantKey, workspaceId } from './tenant';

/**
 * The client's working calendar: durations are measured in business time
 * (PRODUCT §3). Weekdays are ISO (1 = Monday … 7 = Sunday); hours are local to the
 * client's timezone; `country` selects public holidays, `daysOff` adds the operator's own.
 */
export interface WorkingCalendar {
  workingDays: number[];
  startsAt: string;
  endsAt: string;
  country?: string;
  daysOff?: string[];
}

export const defaultWorkingCalendar: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00' };

export const clients = pgTable(
  'clients',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    status: clientStatus('status').notNull().default('active'),
    statusReason: text('status_reason'),
    /** When the status last changed: the ladders must not undo an operator's own change made after their last step. */
    statusChangedAt: instant('status_changed_at'),
    /** BCP 47 language tag of the client's emails: `en`, `hu`, more later. */
    locale: text('locale').notNull().default('en'),
    /** IANA zone, e.g. `Europe/Budapest`; validated by the API with Intl. */
    timezone: text('timezone').notNull(),
    workingCalendar: jsonb('working_calendar').$type<WorkingCalendar>().notNull().default(defaultWorkingCalendar),
    /** Per-client overrides of the workspace's playbook settings. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey('clients', t)],
);
