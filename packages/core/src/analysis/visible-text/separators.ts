import { MAX_STRUCTURAL_LINE } from './lines';

/**
 * Separator lines mail clients write between the new text and what they quote or forward.
 * Each phrase must sit between rule characters ("-----Original Message-----",
 * "-------- Oprindelig besked --------", "---------- Forwarded message ---------"), or be one
 * of Apple Mail's "Begin forwarded message:" lines, so a sentence that merely says
 * "original message" stays text.
 */

const ORIGINAL_MESSAGE = [
  'original message',
  'original e-mail',
  'reply message',
  'ursprüngliche nachricht',
  'originalnachricht',
  'antwort nachricht',
  'oprindelig meddelelse',
  'oprindelig besked',
  'opprinnelig melding',
  'originalmeddelande',
  'ursprungligt meddelande',
  "message d'origine",
  'message original',
  'mensaje original',
  'mensagem original',
  'messaggio originale',
  'oorspronkelijk bericht',
  'origineel bericht',
  'oryginalna wiadomość',
  'wiadomość oryginalna',
  'původní zpráva',
  'pôvodná správa',
  'eredeti üzenet',
  'eredeti levél',
  'alkuperäinen viesti',
  'исходное сообщение',
  'оригинальное сообщение',
  'оригінальне повідомлення',
  '原始邮件',
  '元のメッセージ',
];

const FORWARDED_MESSAGE = [
  'forwarded message',
  'forwarded e-mail',
  'forwarded email',
  'weitergeleitete nachricht',
  'message transféré',
  'message transmis',
  'mensaje reenviado',
  'messaggio inoltrato',
  'doorgestuurd bericht',
  'videresendt melding',
  'videresendt meddelelse',
  'vidarebefordrat meddelande',
  'przekazana wiadomość',
  'wiadomość przekazana',
  'továbbított levél',
  'továbbított üzenet',
  'továbbított e-mail',
  'пересылаемое сообщение',
  'пересланное сообщение',
  'переслане повідомлення',
  'välitetty viesti',
  'mensagem encaminhada',
  '转发的邮件',
];

/** Apple Mail and friends: a whole line ending in a colon, no rules around it. */
const FORWARD_INTRO = [
  'begin forwarded message',
  'anfang der weitergeleiteten nachricht',
  'début du message réexpédié',
  'début du message transféré',
  'inizio messaggio inoltrato',
  'comienzo del mensaje reenviado',
  'doorgestuurd bericht',
  'továbbított levél kezdete',
  'továbbított üzenet kezdete',
  'начало переадресованного сообщения',
];

function phraseBetweenRules(line: string, phrases: readonly string[]): boolean {
  if (line.length > 200) return false;
  const lower = line.trim().toLowerCase();
  const rules = lower.match(/[-_=*]/g)?.length ?? 0;
  if (rules < 2) return false;
  const words = lower
    .replace(/^[-_=*\s>]+/, '')
    .replace(/[-_=*\s:]+$/, '')
    .trim();
  return phrases.includes(words);
}

export function isOriginalMessageSeparator(line: string): boolean {
  return phraseBetweenRules(line, ORIGINAL_MESSAGE);
}

export function isForwardSeparator(line: string): boolean {
  if (line.length > MAX_STRUCTURAL_LINE) return false;
  if (phraseBetweenRules(line, FORWARDED_MESSAGE)) return true;
  const lower = line.trim().toLowerCase();
  if (!lower.endsWith(':')) return false;
  return FORWARD_INTRO.includes(lower.slice(0, -1).trim());
}
