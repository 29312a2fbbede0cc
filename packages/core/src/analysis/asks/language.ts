import { fold, nfc } from './fold';
import type { Language } from './types';

/**
 * English or Hungarian, from cheap evidence: Hungarian accented letters and frequent function
 * words of each language. Words spelled the same in both ("a", "is", "be") count for neither.
 */

/** Enough words to decide; a 10 MB body must not be scanned word by word. */
const MAX_WORDS = 400;
const MAX_CHARS = 8000;

const HU_ONLY_LETTERS = /[őű]/;
const HU_ACCENTED_LETTERS = /[áéíóöúü]/;

const HU_WORDS = new Set(
  `hogy es az nem van vannak meg ha mar csak de egy ez ezt azt itt ott mert vagy lesz lenne volt
  kerlek kerem kerjuk kernem koszi kosz koszonom koszonjuk szia sziasztok udv udvozlettel holnap ma jo mehet
  mikor melyik mit mi hol hova hany hanykor milyen kinek kell kellene igen nincs neked nekem nektek nekunk
  rendben szuper persze semmi gond ertem tokeletes minden mindig azert ezert amit ami aki mint majd utan
  elott alatt miatt szerint nagyon legyszi hetfo kedd szerda csutortok pentek szombat vasarnap het heti
  jovo mult poszt posztok posztot posztokat naptar naptart szamla szamlat vagyok lehet tudsz tudnal veled
  ugye inkabb talan esetleg szerintem kedves tisztelt jol ezt azt ezek azok mar meg sem se sok kicsit
  kulon egyeztetni visszajelzes tudnank szeretnem szeretnek keszen kesz`.split(/\s+/),
);

const EN_WORDS = new Set(
  `the and you your to of for we it this that with on have has will can could would should please thanks
  thank are our let know me my i what which when where who how do did does was were just from at by if all
  any an as or so there here they he she them us hi hello dear regards best great good yes not sure got
  sounds perfect happy hope see send next week today tomorrow thoughts cheers problem about i'm i'll we'll
  it's don't can't let's you're we're that's isn't what's there's i've we've i'd we'd you'll been some
  than then also only into out up more need get make any update looking forward team`.split(/\s+/),
);

/** Hungarian case endings that English words almost never have. */
const HU_SUFFIX = /(?:ban|ben|bol|rol|tol|nak|nek|hoz|hez|juk|atok|etek)$/;

const WORD = /[\p{L}']+/gu;

export function detectLanguage(text: string, hint?: string): Language {
  const sample = nfc(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).toLowerCase();
  let hu = 0;
  let en = 0;
  let seen = 0;
  for (const match of sample.matchAll(WORD)) {
    if (++seen > MAX_WORDS) break;
    const word = match[0];
    if (HU_ONLY_LETTERS.test(word)) hu += 3;
    else if (HU_ACCENTED_LETTERS.test(word)) hu += 2;
    const folded = fold(word);
    if (HU_WORDS.has(folded)) hu += 1.5;
    if (EN_WORDS.has(folded)) en += 1.5;
    if (folded.length >= 5 && HU_SUFFIX.test(folded)) hu += 0.5;
  }
  if (hu > en) return 'hu';
  if (en > hu) return 'en';
  return hintLanguage(hint) ?? 'en';
}

/** 'hu', 'hu-HU', 'HU_hu' → 'hu'; anything else (or nothing) gives no opinion beyond English. */
function hintLanguage(hint: string | undefined): Language | undefined {
  if (hint === undefined) return undefined;
  return /^\s*hu(?:[-_]|$)/i.test(hint) ? 'hu' : 'en';
}
