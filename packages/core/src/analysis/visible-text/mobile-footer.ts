/**
 * "Sent from my iPhone", "Get Outlook for iOS", "Küldve az iPhone-omról", "Von meinem iPhone
 * gesendet": the line a phone or app appends. Whole line only, with a short device/app
 * name (at most six words, no comma), so "Sent from my desk, is much easier then my mobile
 * phone." and "The notification was sent from my iPhone app" stay text.
 */

/** Phrases that open a footer line, lower case; the device/app name follows. */
const OPENERS = [
  'sent from',
  'sent with',
  'sent via',
  'sent using',
  'sent by',
  'get outlook for',
  'envoyé de',
  'envoyé depuis',
  'envoyé à partir de',
  'envoyé avec',
  'gesendet von',
  'gesendet mit',
  'gesendet vom',
  'von meinem',
  'enviado desde',
  'enviado do',
  'enviado de',
  'enviado con',
  'inviato da',
  'inviato dal',
  'verzonden vanaf',
  'verzonden met',
  'verstuurd vanaf',
  'verstuurd met',
  'wysłane z',
  'wysłano z',
  'skickat från',
  'sendt fra',
  'lähetetty',
  'отправлено с',
  'отправлено из',
  'надіслано з',
  'küldve',
  'küldve az',
  'küldve a',
  'az iphone-omról',
];

/** Footers written as "<device> küldve" / "… gesendet": the phrase ends the line. */
const CLOSERS = ['küldve', 'gesendet', 'verzonden', 'envoyé'];

const DEVICE_HINT =
  /iphone|ipad|android|blackberry|mobile|mobil|phone|telefon|samsung|galaxy|outlook|mail|gmail|yahoo|windows|typeapp|acompli|sparrow|huawei|xiaomi|pixel|tablet|okostelefon|készülék|wiko|nokia|device|appareil|gerät|dispositivo|móvil|cellulare|iOS/iu;

/** Trailing link a client appends: "<https://aka.ms/o0ukef>" or "(http://…)". */
const TRAILING_LINK = /\s*(?:<[^<>\s]{1,300}>|\((?:https?:|www\.)[^()\s]{1,300}\))$/iu;

function shortName(rest: string): boolean {
  const name = rest.replace(TRAILING_LINK, '').trim();
  if (name.length === 0) return false;
  if (/[,;!?]/u.test(name) || /\.\s/u.test(name) || /\.$/u.test(name)) return false;
  return name.split(/\s+/u).length <= 6;
}

export function isMobileFooter(line: string): boolean {
  const text = line.trim();
  if (text.length < 8 || text.length > 160) return false;
  const lower = text.toLowerCase();
  // "via mobile", "sent from mobile": a bare device word on its own line.
  if (/^(?:sent\s+)?(?:via|from)\s+(?:my\s+)?(?:mobile|phone|cell|smartphone|tablet)$/u.test(lower)) return true;
  for (const opener of OPENERS) {
    if (!lower.startsWith(`${opener} `)) continue;
    const rest = text.slice(opener.length + 1);
    // Hungarian/German openers are also ordinary words; require a device or app name.
    if ((opener.startsWith('küldve') || opener.startsWith('von ') || opener === 'lähetetty') && !DEVICE_HINT.test(rest)) continue;
    if (shortName(rest)) return true;
  }
  for (const closer of CLOSERS) {
    if (!lower.endsWith(` ${closer}`)) continue;
    const rest = text.slice(0, -closer.length - 1);
    if (DEVICE_HINT.test(rest) && shortName(rest)) return true;
  }
  return false;
}
