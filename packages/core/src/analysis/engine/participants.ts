import type { ClientProfile } from './types';

/**
 * Is this address one of the client's people? A listed contact, or any address at one of
 * the client's domains or their subdomains (mail.client.hu belongs to client.hu). Compared
 * lower-case: the local part is case-sensitive by the letter of RFC 5321, but no mail system
 * a client uses treats it so, and a mismatch here would mean a missed answer.
 */
export function isClientAddress(address: string | undefined, client: Pick<ClientProfile, 'contactAddresses' | 'domains'>): boolean {
  if (!address) return false;
  const normalised = address.trim().toLowerCase();
  if (client.contactAddresses.some((contact) => contact.toLowerCase() === normalised)) return true;
  const at = normalised.lastIndexOf('@');
  if (at < 0) return false;
  const domain = normalised.slice(at + 1);
  return client.domains.some((listed) => {
    const d = listed.toLowerCase().replace(/^@/, '');
    return domain === d || domain.endsWith(`.${d}`);
  });
}
