import { isBlank, MAX_STRUCTURAL_LINE, quoteDepth } from './lines';

/**
 * The header block a mail client writes above the message it quotes ("From: … Sent: … To: …
 * Subject: …"), in the languages our clients and the public fixtures use. Outlook (every
 * language), Apple Mail forwards, Yahoo, AOL and web mailers all produce it; below it the old
 * message follows without `>` markers, so the block is where the new text ends.
 */
export type HeaderField = 'from' | 'sent' | 'to' | 'cc' | 'subject';

/** Field labels by meaning; compared lower-cased, NFC, with or without a space before the colon. */
const LABELS: Record<HeaderField, readonly string[]> = {
  from: [
    'from',
    'von',
    'de',
    'da',
    'van',
    'od',
    'fra',
    'från',
    'feladó',
    'küldő',
    'от',
    'от кого',
    'від',
    'lähettäjä',
    'afzender',
    'remitente',
    'kimden',
    'odesílatel',
    '发件人',
    '寄件者',
    '差出人',
    '보낸 사람',
  ],
  sent: [
    'sent',
    'date',
    'gesendet',
    'datum',
    'envoyé',
    'envoyé le',
    'inviato',
    'data',
    'verzonden',
    'verstuurd',
    'wysłano',
    'wysłane',
    'sendt',
    'dato',
    'skickat',
    'elküldve',
    'küldve',
    'küldés ideje',
    'dátum',
    'időpont',
    'отправлено',
    'дата',
    'надіслано',
    'lähetetty',
    'päivämäärä',
    'enviado',
    'enviada',
    'fecha',
    'odesláno',
    'gönderildi',
    'tarih',
    'message du',
    '发送时间',
    '寄件日期',
    '日期',
    '送信日時',
    '날짜',
    '보낸 날짜',
  ],
  to: [
    'to',
    'an',
    'à',
    'a',
    'para',
    'aan',
    'do',
    'til',
    'till',
    'címzett',
    'címzettek',
    'кому',
    'vastaanottaja',
    'komu',
    'kime',
    '收件人',
    '宛先',
    '받는 사람',
  ],
  cc: ['cc', 'kopie', 'copie à', 'copia', 'dw', 'kopia', 'másolat', 'másolatot kap', 'копия', 'kopio', 'kópia', '抄送', '副本'],
  subject: [
    'subject',
    'betreff',
    'objet',
    'sujet',
    'oggetto',
    'onderwerp',
    'temat',
    'emne',
    'ämne',
    'tárgy',
    'тема',
    'aihe',
    'asunto',
    'assunto',
    'předmět',
    'konu',
    '主题',
    '主旨',
    '件名',
    '제목',
  ],
};

const FIELD_BY_LABEL = new Map<string, HeaderField>(
  (Object.entries(LABELS) as [HeaderField, readonly string[]][]).flatMap(([field, labels]) =>
    labels.map((label) => [label, field] as [string, HeaderField]),
  ),
);

/**
 * "From:", "*From:*", "  De : x", "**Von:**": an optional bold/indent, a label of at most three
 * words, optional markup, then the colon (ASCII or full-width). The label is checked against
 * the list, so "Time:" or "Note:" never count.
 */
const FIELD_LINE = /^[ \t]*[*_]{0,2}[ \t]*([\p{L}][\p{L}' ]{0,24}?)[ \t]*[*_]{0,2}[ \t]*[:：]/u;

/** Which header field the line starts with, if any (quoted lines are judged without their `>`). */
export function headerFieldOf(line: string): HeaderField | undefined {
  if (line.length > MAX_STRUCTURAL_LINE) return undefined;
  const match = FIELD_LINE.exec(line);
  const label = match?.[1];
  if (label === undefined) return undefined;
  return FIELD_BY_LABEL.get(label.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** At most this many lines between the first and the last field of one block (wrapped values). */
const MAX_BLOCK_LINES = 14;

/**
 * Whether a header block starts at `start`: at least two different fields, one of them
 * who-sent or when (so a memo with "To:" and "Subject:" alone, or an invitation with "Date:",
 * "Time:" and "Address:", stays text). Wrapped values may continue on up to two lines.
 */
export function isHeaderBlockAt(
  lines: readonly string[],
  start: number,
  fieldAt: (index: number) => HeaderField | undefined = (index) => headerFieldOf(lines[index] ?? ''),
): boolean {
  const first = lines[start];
  if (first === undefined || quoteDepth(first) > 0) return false;
  const firstField = fieldAt(start);
  if (firstField === undefined) return false;
  const seen = new Set<HeaderField>([firstField]);
  let continuation = 0;
  for (let i = start + 1; i < lines.length && i <= start + MAX_BLOCK_LINES; i += 1) {
    const line = lines[i] ?? '';
    const field = fieldAt(i);
    if (field !== undefined) {
      seen.add(field);
      continuation = 0;
      continue;
    }
    if (isBlank(line)) {
      // One blank line may sit inside a block that HTML conversion spread out; two end it.
      if (i + 1 >= lines.length || fieldAt(i + 1) === undefined) break;
      continue;
    }
    continuation += 1;
    if (continuation > 2) break;
  }
  if (seen.size < 2) return false;
  return seen.has('from') || seen.has('sent');
}
