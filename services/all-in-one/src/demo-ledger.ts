import { appendAuditEvent, type Executor, schema } from '@firmly/db';
import { type DemoClientKey, demoClients } from './demo-clients';
import { DemoTimeline, shiftDay } from './demo-timeline';

/**
 * The demo's invoices and payments, recorded as the operator would have (PRODUCT §2.3):
 *
 * - the late payer paid each of the last four monthly invoices later than the one before
 *   (1, 3, 6, 10 days), and the current one is 14 days overdue — so the payment ladder
 *   drafts its reminder, and the payment behaviour reads "drifting";
 * - the responsive client pays ahead of the due date.
 *
 * Dates count back from the anchor in each client's zone.
 */
export interface DemoInvoice {
  client: DemoClientKey;
  number: string;
  amountMinor: bigint;
  currency: string;
  issuedOn: string;
  dueOn: string;
  payments: Array<{ paidOn: string; reference: string }>;
}

/** The late payer's invoice that is overdue at the first start; the script mails it (demo-mail-script.ts). */
export const OVERDUE_INVOICE = { number: 'KT-0045', dueDaysAgo: 14 } as const;
const LATE_PAYER_DAYS_LATE = [1, 3, 6, 10] as const;
const CYCLE_DAYS = 30;

function latePayerInvoices(today: string): DemoInvoice[] {
  const { contract } = demoClients.latePayer;
  const cycles = LATE_PAYER_DAYS_LATE.length;
  const invoice = (index: number, dueOn: string, daysLate: number | undefined): DemoInvoice => ({
    client: 'latePayer',
    number: `KT-${String(41 + index).padStart(4, '0')}`,
    amountMinor: contract.feeMinor,
    currency: contract.currency,
    issuedOn: shiftDay(dueOn, -contract.dueRule.value),
    dueOn,
    payments: daysLate === undefined ? [] : [{ paidOn: shiftDay(dueOn, daysLate), reference: `demo:KT-${41 + index}` }],
  });
  const paid = LATE_PAYER_DAYS_LATE.map((daysLate, i) =>
    invoice(i, shiftDay(today, -OVERDUE_INVOICE.dueDaysAgo - (cycles - i) * CYCLE_DAYS), daysLate),
  );
  return [...paid, invoice(cycles, shiftDay(today, -OVERDUE_INVOICE.dueDaysAgo), undefined)];
}

function responsiveInvoices(today: string): DemoInvoice[] {
  const { contract } = demoClients.responsive;
  return [
    { dueDaysAgo: 40, paidEarly: 1 },
    { dueDaysAgo: 10, paidEarly: 2 },
  ].map(({ dueDaysAgo, paidEarly }, i) => {
    const dueOn = shiftDay(today, -dueDaysAgo);
    return {
      client: 'responsive',
      number: `NW-${String(11 + i).padStart(4, '0')}`,
      amountMinor: contract.feeMinor,
      currency: contract.currency,
      issuedOn: shiftDay(dueOn, -contract.dueRule.value),
      dueOn,
      payments: [{ paidOn: shiftDay(dueOn, -paidEarly), reference: `demo:NW-${11 + i}` }],
    };
  });
}

export function demoInvoices(anchor: Date): DemoInvoice[] {
  const todayOf = (key: DemoClientKey) => new DemoTimeline(anchor, demoClients[key].calendar).today;
  return [...latePayerInvoices(todayOf('latePayer')), ...responsiveInvoices(todayOf('responsive'))];
}

const ACTOR = 'system:demo';

/** Records the demo's invoices and payments, each with its audit event, in the caller's transaction. */
export async function recordDemoLedger(
  tx: Executor,
  options: { workspaceId: string; anchor: Date; clientIds: Record<DemoClientKey, string>; contractIds: Record<DemoClientKey, string> },
): Promise<void> {
  const { workspaceId, anchor } = options;
  for (const planned of demoInvoices(anchor)) {
    const clientId = options.clientIds[planned.client];
    const [invoice] = await tx
      .insert(schema.invoices)
      .values({
        workspaceId,
        clientId,
        contractId: options.contractIds[planned.client],
        number: planned.number,
        amountMinor: planned.amountMinor,
        currency: planned.currency,
        issuedOn: planned.issuedOn,
        dueOn: planned.dueOn,
        source: 'operator',
      })
      .returning({ id: schema.invoices.id });
    if (!invoice) throw new Error(`demo invoice ${planned.number} not created`);
    await appendAuditEvent(tx, {
      workspaceId,
      actor: ACTOR,
      action: 'invoice.created',
      subjectType: 'invoice',
      subjectId: invoice.id,
      data: {
        clientId,
        number: planned.number,
        amountMinor: planned.amountMinor.toString(),
        currency: planned.currency,
        dueOn: planned.dueOn,
        source: 'operator',
      },
      occurredAt: anchor,
    });
    for (const payment of planned.payments) {
      const [row] = await tx
        .insert(schema.payments)
        .values({
          workspaceId,
          invoiceId: invoice.id,
          amountMinor: planned.amountMinor,
          currency: planned.currency,
          paidOn: payment.paidOn,
          reference: payment.reference,
          source: 'operator',
        })
        .returning({ id: schema.payments.id });
      if (!row) throw new Error(`demo payment ${payment.reference} not created`);
      await appendAuditEvent(tx, {
        workspaceId,
        actor: ACTOR,
        action: 'payment.recorded',
        subjectType: 'payment',
        subjectId: row.id,
        data: {
          invoiceId: invoice.id,
          clientId,
          amountMinor: planned.amountMinor.toString(),
          currency: planned.currency,
          paidOn: payment.paidOn,
          reference: payment.reference,
        },
        occurredAt: anchor,
      });
    }
  }
}
