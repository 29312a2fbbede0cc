import { pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, primaryId, updatedAt } from './columns';
import { tenantKey, workspaceId } from './tenant';

/**
 * A workspace's own wording for one kind of email in one locale (issue 5): MJML, and
 * optionally the subject and plain-text part. Stored only after validation (MJML strict,
 * known placeholders, safe positions); the ladders render with it instead of ours.
 */
export const templateOverrides = pgTable(
  'template_overrides',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    /** A @firmly/templates kind (the operator alert and closing report included, so not the outbox enum). */
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    mjml: text('mjml').notNull(),
    subject: text('subject'),
    text: text('text'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey('template_overrides', t), unique('template_overrides_kind_locale_key').on(t.workspaceId, t.kind, t.locale)],
);
