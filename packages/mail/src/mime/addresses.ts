import type { Address as ParsedAddress } from 'postal-mime';
import type { Address } from '../model';

/**
 * postal-mime addresses → model addresses: groups flattened (a group name is not a
 * recipient), address lower-cased and trimmed (the model's contract, and how clients and
 * mailboxes are matched), display name trimmed and dropped when empty.
 *
 * An address without "@" is kept when it is a single token ("MAILER-DAEMON" with no domain
 * still tells auto-reply detection who sent it); entries with no address are dropped.
 */
export function normaliseAddresses(list: readonly ParsedAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const entry of list ?? []) {
    if (entry.group) {
      for (const member of entry.group) pushAddress(out, member.address, member.name);
    } else {
      pushAddress(out, entry.address, entry.name);
    }
  }
  return out;
}

/** The first mailbox of a From header (a group there is a sender bug; its first member wins). */
export function normaliseFrom(from: ParsedAddress | undefined): Address | undefined {
  return from ? normaliseAddresses([from])[0] : undefined;
}

function pushAddress(out: Address[], rawAddress: string | undefined, rawName: string | undefined): void {
  const address = withoutSourceRoute(normaliseAddressText(rawAddress ?? ''));
  if (address === '' || /\s/.test(address)) return;
  const name = (rawName ?? '').trim();
  out.push(name === '' ? { address } : { address, name });
}

/** RFC 5322 §4.4 obsolete source routes, "@relay.example:mary@example.net": the mailbox is after the last ":". */
function withoutSourceRoute(address: string): string {
  return address.startsWith('@') && address.includes(':') ? address.slice(address.lastIndexOf(':') + 1) : address;
}

/** Lower-cased, trimmed; stray angle brackets and quotes around the address removed. */
export function normaliseAddressText(address: string): string {
  let start = 0;
  let end = address.length;
  while (start < end && isWrapper(address.charCodeAt(start))) start++;
  while (end > start && isWrapper(address.charCodeAt(end - 1))) end--;
  return address.slice(start, end).toLowerCase();
}

function isWrapper(c: number): boolean {
  // space, tab, CR, LF, '<', '>', '"', "'"
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27;
}
