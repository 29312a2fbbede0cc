/**
 * Gmail only keeps a message in a thread when the subjects match once reply and
 * forward prefixes are ignored. The prefixes are the common English ones plus those
 * firmly's users' clients actually write (Hungarian "Válasz:", "Továbbítás:"; German
 * "AW:", "WG:"; Nordic "SV:", "VS:"; French "TR:"), optionally counted ("Re[2]:").
 */
const PREFIX = /^\s*(?:re|fwd?|aw|wg|sv|vs|tr|válasz|vá|továbbítás|továbbított)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/iu;

export function normaliseSubject(subject: string | undefined): string {
  let rest = subject ?? '';
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(PREFIX, '');
  }
  return rest.replace(/\s+/g, ' ').trim().toLowerCase();
}
