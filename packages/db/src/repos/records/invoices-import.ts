import { and, eq, inArray } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database } from '../../client';
import { clients } from '../../schema/clients';
import { invoices } from '../../schema/invoices';
import { actorOf, invalid, isCalendarDay, type RecordContext, type RecordProblem, UUID } from './common';
import { type CsvRecord, parseCsv } from './csv';
import { decimalToMinor, isKnownCurrency } from './money';

export const IMPORT_COLUMNS = ['client', 'number', 'amount', 'currency', 'issued_on', 'due_on'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** One transaction, one statement per this many rows: a few thousand invoices stay one import. */
const INSERT_BATCH = 500;
export const MAX_IMPORT_ROWS = 10_000;

export interface ImportReport {
  imported: number;
  /** `row` is the line of the file the record starts on (the header is line 1). */
  rejected: Array<{ row: number; reason: string }>;
  /** The clients that received invoices: their ladders are to be evaluated again. */
  clientIds: string[];
}

export type ImportResult = ({ ok: true } & ImportReport) | RecordProblem;

interface ValidRow {
  row: number;
  clientId: string;
  number: string;
  amountMinor: bigint;
  currency: string;
  issuedOn: string;
  dueOn: string;
}

type ClientIndex = { byId: Map<string, string>; byName: Map<string, string[]> };

/**
 * A CSV of invoices (`client,number,amount,currency,issued_on,due_on`; client by name or id,
 * amount as a decimal in the currency's major unit). Every row is checked; the valid ones are
 * inserted together in one transaction, each failing row is reported with its line and why.
 * A number already recorded for the same client is a duplicate (importing the same file twice
 * adds nothing); invoice numbers are unique across the workspace, so one used by another
 * client is refused too. A malformed file (no header, an unclosed quote) is refused whole.
 */
export async function importInvoicesCsv(db: Database, workspaceId: string, text: string, context: RecordContext): Promise<ImportResult> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return invalid(`line ${parsed.line}: ${parsed.reason}`);
  const [header, ...records] = parsed.records;
  if (!header) return invalid(`the file is empty; the first line must name the columns ${IMPORT_COLUMNS.join(',')}`);
  const columns = columnIndex(header);
  if (!columns.ok) return columns;
  if (records.length > MAX_IMPORT_ROWS) return invalid(`at most ${MAX_IMPORT_ROWS} rows per import; split the file`);

  return db.transaction(async (tx): Promise<ImportResult> => {
    const known = await tx.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.workspaceId, workspaceId));
    const index: ClientIndex = { byId: new Map(known.map((c) => [c.id.toLowerCase(), c.id])), byName: new Map() };
    for (const c of known) {
      const key = c.name.trim().toLowerCase();
      index.byName.set(key, [...(index.byName.get(key) ?? []), c.id]);
    }

    const rejected: ImportReport['rejected'] = [];
    const candidates: ValidRow[] = [];
    const firstRowOfNumber = new Map<string, number>();
    for (const record of records) {
      const checked = checkRow(record, columns.index, index);
      if (!checked.ok) {
        rejected.push({ row: record.line, reason: checked.reasons.join('; ') });
        continue;
      }
      const earlier = firstRowOfNumber.get(checked.row.number);
      if (earlier !== undefined) {
        rejected.push({ row: record.line, reason: `duplicate: invoice ${checked.row.number} is already on row ${earlier}` });
        continue;
      }
      firstRowOfNumber.set(checked.row.number, record.line);
      candidates.push(checked.row);
    }

    const existing = new Map<string, string>();
    for (let i = 0; i < candidates.length; i += INSERT_BATCH) {
      const numbers = candidates.slice(i, i + INSERT_BATCH).map((c) => c.number);
      const rows = await tx
        .select({ number: invoices.number, clientId: invoices.clientId })
        .from(invoices)
        .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.number, numbers)));
      for (const row of rows) existing.set(row.number, row.clientId);
    }
    const fresh: ValidRow[] = [];
    for (const candidate of candidates) {
      const owner = existing.get(candidate.number);
      if (owner === undefined) fresh.push(candidate);
      else if (owner === candidate.clientId)
        rejected.push({ row: candidate.row, reason: `duplicate: invoice ${candidate.number} is already recorded for this client` });
      else rejected.push({ row: candidate.row, reason: `invoice number ${candidate.number} is already used by another client` });
    }

    const inserted: Array<{ id: string; number: string; clientId: string }> = [];
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
      const batch = fresh.slice(i, i + INSERT_BATCH);
      const rows = await tx
        .insert(invoices)
        .values(batch.map(({ row: _row, ...values }) => ({ ...values, workspaceId, source: 'csv' as const })))
        // A concurrent import of the same numbers: theirs won, these are duplicates.
        .onConflictDoNothing()
        .returning({ id: invoices.id, number: invoices.number, clientId: invoices.clientId });
      inserted.push(...rows);
      const landed = new Set(rows.map((r) => r.number));
      for (const row of batch) {
        if (!landed.has(row.number)) rejected.push({ row: row.row, reason: `duplicate: invoice ${row.number} was recorded meanwhile` });
      }
    }

    if (inserted.length > 0) {
      // One event for the import (not one per row): the chain's per-workspace lock would make a
      // large file thousands of serial appends. The event lists every invoice it created.
      await appendAuditEvent(tx, {
        workspaceId,
        actor: actorOf(context),
        action: 'invoices.imported',
        subjectType: 'workspace',
        subjectId: workspaceId,
        data: { source: 'csv', imported: inserted.length, rejected: rejected.length, invoices: inserted },
        occurredAt: context.now,
      });
    }
    rejected.sort((a, b) => a.row - b.row);
    return { ok: true, imported: inserted.length, rejected, clientIds: [...new Set(inserted.map((r) => r.clientId))] };
  });
}

function columnIndex(header: CsvRecord): { ok: true; index: Record<Column, number> } | RecordProblem {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  for (const column of IMPORT_COLUMNS) {
    const at = names.indexOf(column);
    if (at >= 0) index[column] = at;
  }
  const missing = IMPORT_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    return invalid(`the header (line ${header.line}) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return { ok: true, index: index as Record<Column, number> };
}

type RowCheck = { ok: true; row: ValidRow } | { ok: false; reasons: string[] };

function checkRow(record: CsvRecord, columns: Record<Column, number>, index: ClientIndex): RowCheck {
  const cell = (column: Column) => (record.fields[columns[column]] ?? '').trim();
  const reasons: string[] = [];

  const clientText = cell('client');
  let clientId: string | undefined;
  if (clientText === '') reasons.push('client is missing');
  else if (UUID.test(clientText)) clientId = index.byId.get(clientText.toLowerCase());
  if (clientText !== '' && clientId === undefined) {
    const named = index.byName.get(clientText.toLowerCase()) ?? [];
    if (named.length === 1) clientId = named[0];
    else if (named.length > 1) reasons.push(`client name "${clip(clientText)}" matches ${named.length} clients: use the client's id`);
    else reasons.push(`unknown client "${clip(clientText)}"`);
  }

  const number = cell('number');
  if (number === '') reasons.push('number is missing');
  else if (number.length > 100) reasons.push('number is longer than 100 characters');

  const currency = cell('currency').toUpperCase();
  let amountMinor: bigint | undefined;
  if (!isKnownCurrency(currency)) reasons.push(`currency "${clip(cell('currency'))}" is not an ISO 4217 code`);
  else {
    const amount = decimalToMinor(cell('amount'), currency);
    if (amount.ok) amountMinor = amount.minor;
    else reasons.push(amount.reason);
  }

  const issuedOn = cell('issued_on');
  const dueOn = cell('due_on');
  const issuedOk = isCalendarDay(issuedOn);
  const dueOk = isCalendarDay(dueOn);
  if (!issuedOk) reasons.push(`issued_on "${clip(issuedOn)}" is not a calendar day YYYY-MM-DD`);
  if (!dueOk) reasons.push(`due_on "${clip(dueOn)}" is not a calendar day YYYY-MM-DD`);
  if (issuedOk && dueOk && dueOn < issuedOn) reasons.push('due_on is before issued_on');

  if (reasons.length > 0 || clientId === undefined || amountMinor === undefined) return { ok: false, reasons };
  return { ok: true, row: { row: record.line, clientId, number, amountMinor, currency, issuedOn, dueOn } };
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
