import { invalidArgument } from './errors';

/** A repeated query parameter (`labelIds=A&labelIds=B`) as googleapis sends it, always as a list. */
export function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

export function bool(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '') return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalidArgument(`Invalid value for ${name}: ${value}`);
}

/** Gmail ids are hex; a malformed one is a 400, an unknown well-formed one a 404. */
export function gmailId(value: string, name = 'id'): string {
  if (!/^[0-9a-f]{1,32}$/i.test(value)) throw invalidArgument(`Invalid ${name} value`);
  return value.toLowerCase();
}

/** History ids are unsigned 64-bit decimals. */
export function historyId(value: string | undefined, name: string): number {
  if (value === undefined || value === '') throw invalidArgument(`Missing required parameter: ${name}`);
  if (!/^\d{1,19}$/.test(value)) throw invalidArgument(`Invalid ${name}`);
  return Number(value);
}
