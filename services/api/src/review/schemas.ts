/** The review queue's HTTP vocabulary (contract: "Review queue"), in zod. */
import { outgoingEmailStates } from '@firmly/core';
import { MAX_BULK_APPROVE, schema } from '@firmly/db';
import { Instant, PageQuery, Uuid, z } from '../http/schemas';

export const CAUSE_TYPES = ['unresponsive', 'late_payment', 'controlling', 'ending', 'operator'] as const;

export const EmailState = z.enum(outgoingEmailStates);
export const EmailKind = z.enum(schema.outgoingEmailKind.enumValues);

/** A form that leaves a filter blank sends `clientId=`: blank means "no filter", not an invalid id. */
function blankAsAbsent<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const ReviewItem = z
  .object({
    id: Uuid,
    clientId: Uuid,
    clientName: z.string(),
    kind: EmailKind,
    state: EmailState,
    subject: z.string(),
    cause: z.object({
      type: z.enum(CAUSE_TYPES).describe('the ladder that drafted it (PRODUCT §4), or `operator` for an email the operator wrote'),
      summary: z.string().describe('what it is about, in one line'),
    }),
    createdAt: Instant,
    ageSeconds: z.number().int().min(0),
    snoozedUntil: Instant.nullable(),
    to: z.array(z.string()).nullable().describe('recipient addresses; null when there is none'),
    threadId: Uuid.nullable(),
    threadSubject: z.string().nullable(),
    sendPlan: z
      .object({
        earliestSendAt: Instant.nullable().describe(
          'pending: when it would go out if approved now (the client’s next working instant, the same instant an approval schedules); ' +
            'approved or sending: its scheduled time; sent: when the provider took it; null when nothing will be sent',
        ),
        inThread: z.boolean().describe('sent as a reply in its thread (true) or as a new conversation'),
        note: z.string().describe('the plan in a sentence, for the operator'),
      })
      .describe('what happens on approve'),
    rejectReason: z.string().nullable(),
    sentAt: Instant.nullable(),
  })
  .meta({ id: 'ReviewItem' });

export const ReviewItemDetail = ReviewItem.extend({
  text: z.string(),
  html: z.string(),
  attachments: z
    .array(
      z.object({ filename: z.string(), contentType: z.string(), url: z.string().describe('GET it to see the file as it will be sent') }),
    )
    .describe('files sent with it, made from the draft when it is sent (the closing report’s PDF)'),
}).meta({ id: 'ReviewItemDetail' });

export const ReviewPage = z.object({ items: z.array(ReviewItem), nextCursor: z.string().nullable() });

export const QueueQuery = PageQuery.extend({
  state: blankAsAbsent(EmailState).describe('default pending_review (snoozed drafts hidden until their time)'),
  clientId: blankAsAbsent(Uuid),
  kind: blankAsAbsent(EmailKind),
});

export const HistoryQuery = PageQuery.extend({
  state: blankAsAbsent(EmailState),
  clientId: blankAsAbsent(Uuid),
});

export const EditBody = z.strictObject({
  subject: z.string().max(1_000).optional().describe('a new subject (line breaks and control characters are removed)'),
  text: z
    .string()
    .max(50_000)
    .optional()
    .describe('the body in the operator’s own words: becomes the plain-text part, and the HTML part is rendered from it'),
  data: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('template facts to change (merged into the draft’s template data, then re-rendered); not together with text'),
});

export const RejectBody = z.strictObject({ reason: z.string().max(2_000).describe('why; required, at most 500 characters once trimmed') });
export const SnoozeBody = z.strictObject({ until: Instant.describe('hidden from the queue until then; at most 30 days ahead') });
export const BulkApproveBody = z.strictObject({ ids: z.array(Uuid).min(1).max(MAX_BULK_APPROVE) });

export const BulkApproveAnswer = z.object({
  approved: z.array(Uuid),
  problems: z.array(z.object({ id: Uuid, detail: z.string() })),
});
