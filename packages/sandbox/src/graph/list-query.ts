import { GraphHttpError } from './errors';
import type { StoredMessage } from './mailbox';

/**
 * The `$filter` / `$orderby` subset firmly uses on message lists:
 *   internetMessageId eq '<id@host>'            (did an ambiguous send land in Sent?)
 *   receivedDateTime ge 2024-05-01T00:00:00Z     (re-list after a 410), also gt/le/lt/eq,
 *   sentDateTime likewise, conversationId eq '…', clauses joined with `and`.
 * Anything else answers 400 ErrorInvalidUrlQueryFilter rather than being silently ignored.
 * Like Exchange, `$orderby` together with `$filter` must sort by the filter's leading
 * properties, else 400 InefficientFilter ("The restriction or sort order is too complex").
 */
type Operator = 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
type Clause =
  | { property: 'receivedDateTime' | 'sentDateTime'; operator: Operator; value: number }
  | { property: 'internetMessageId' | 'conversationId' | 'subject'; operator: 'eq' | 'ne'; value: string };

const DATE_PROPERTIES = new Map([
  ['receiveddatetime', 'receivedDateTime'],
  ['sentdatetime', 'sentDateTime'],
] as const);
const STRING_PROPERTIES = new Map([
  ['internetmessageid', 'internetMessageId'],
  ['conversationid', 'conversationId'],
  ['subject', 'subject'],
] as const);

const invalidFilter = () => new GraphHttpError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');

/** Splits at ` and ` outside single-quoted literals (`''` escapes a quote inside one; it toggles twice). */
function splitAnd(filter: string): string[] {
  const clauses: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") quoted = !quoted;
    if (quoted) continue;
    const match = /^\s+and\s+/i.exec(filter.slice(i));
    if (!match) continue;
    clauses.push(filter.slice(start, i));
    start = i + match[0].length;
    i = start - 1;
  }
  clauses.push(filter.slice(start));
  return clauses.map((clause) => clause.trim());
}

export function parseFilter(filter: string | undefined): Clause[] {
  if (!filter || filter.trim() === '') return [];
  return splitAnd(filter.trim()).map((text) => {
    const match = /^(\w+)\s+(eq|ne|ge|gt|le|lt)\s+(.+)$/i.exec(text);
    if (!match) throw invalidFilter();
    const name = (match[1] ?? '').toLowerCase();
    const operator = (match[2] ?? '').toLowerCase() as Operator;
    const literal = (match[3] ?? '').trim();
    const dateProperty = DATE_PROPERTIES.get(name as 'receiveddatetime');
    if (dateProperty) {
      const value = Date.parse(literal);
      if (Number.isNaN(value) || !/^\d{4}-\d{2}-\d{2}T/.test(literal)) throw invalidFilter();
      return { property: dateProperty, operator, value };
    }
    const stringProperty = STRING_PROPERTIES.get(name as 'subject');
    const quoted = /^'((?:[^']|'')*)'$/.exec(literal);
    if (stringProperty && quoted && (operator === 'eq' || operator === 'ne')) {
      return { property: stringProperty, operator, value: (quoted[1] ?? '').replace(/''/g, "'") };
    }
    throw invalidFilter();
  });
}

function compare(left: number, operator: Operator, right: number): boolean {
  switch (operator) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'ge':
      return left >= right;
    case 'gt':
      return left > right;
    case 'le':
      return left <= right;
    case 'lt':
      return left < right;
  }
}

export function matches(message: StoredMessage, clauses: readonly Clause[]): boolean {
  return clauses.every((clause) => {
    switch (clause.property) {
      case 'receivedDateTime':
        return compare(Math.floor(message.receivedAt.getTime() / 1000), clause.operator, Math.floor(clause.value / 1000));
      case 'sentDateTime':
        return (
          message.sentAt !== undefined &&
          compare(Math.floor(message.sentAt.getTime() / 1000), clause.operator, Math.floor(clause.value / 1000))
        );
      default: {
        // Exchange compares Message-IDs and subjects without case.
        const equal = String(message[clause.property]).toLowerCase() === clause.value.toLowerCase();
        return clause.operator === 'eq' ? equal : !equal;
      }
    }
  });
}

export interface OrderBy {
  property: 'receivedDateTime' | 'sentDateTime';
  descending: boolean;
}

export function parseOrderBy(orderby: string | undefined, clauses: readonly Clause[]): OrderBy[] {
  if (!orderby || orderby.trim() === '') return [];
  const order = orderby.split(',').map((part) => {
    const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const property = DATE_PROPERTIES.get((match?.[1] ?? '').toLowerCase() as 'receiveddatetime');
    if (!match || !property) throw new GraphHttpError(400, 'BadRequest', `Unsupported $orderby '${part.trim()}'.`);
    return { property, descending: (match[2] ?? '').toLowerCase() === 'desc' };
  });
  if (clauses.length > 0) {
    const leading = clauses.map((clause) => clause.property).filter((property, index, all) => all.indexOf(property) === index);
    if (order.some((entry, index) => leading[index] !== entry.property)) {
      throw new GraphHttpError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
    }
  }
  return order;
}

/** Graph lists messages newest first unless told otherwise. */
export function sortMessages(messages: StoredMessage[], order: readonly OrderBy[]): StoredMessage[] {
  const keys: readonly OrderBy[] = order.length > 0 ? order : [{ property: 'receivedDateTime', descending: true }];
  const value = (message: StoredMessage, property: OrderBy['property']) =>
    (property === 'receivedDateTime' ? message.receivedAt : message.sentAt)?.getTime() ?? 0;
  return [...messages].sort((a, b) => {
    for (const key of keys) {
      const difference = value(a, key.property) - value(b, key.property);
      if (difference !== 0) return key.descending ? -difference : difference;
    }
    return a.createdAt.getTime() - b.createdAt.getTime();
  });
}
