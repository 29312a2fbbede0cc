import { anyOf, type PhraseRule, re } from './rule';
import type { AbuseSeverity } from './types';

/**
 * Hungarian abuse rules over folded sentences (no accents: "hülye" is "hulye", "ökör" is
 * "okor"). As in English, a rule needs a target: "vagy" (you are), "te"/"maga"/"ön" + a noun,
 * the second-person possessive ("a munkád", "a céged"), or a curse that is addressed by form
 * ("baszódj meg", "kapd be"). "Kurva jó lett", "brutális", "a francba, elfelejtettem" and
 * "ez a rohadt nyomtató" are not aimed at anyone. "vagy" also means "or", so a bare insult word
 * before "vagy" counts only where the clause ends.
 */

const INSULT = anyOf(
  'hulye',
  'idiota',
  'barom',
  'okor',
  'bunko',
  'kreten',
  'debil',
  'nyomorek',
  'gyoker',
  'balfasz',
  'balek',
  'suger',
  'tehetsegtelen',
  'amator',
  'csalo',
  'hazug',
  'dilettans',
  'szerencsetlen',
  'bena',
  'ostoba',
  'semmirekello',
  'naplopo',
  'lusta',
  'taplo',
  'majom',
  'hulyegyerek',
  'agyhalott',
  'faszfej',
  'seggfej',
  'geci',
  'szanalmas',
  'alkalmatlan',
  'hasznalhatatlan',
  'inkompetens',
  'kontar',
  'kokler',
  'szelhamos',
  'tolvaj',
  'retardalt',
  'marha',
  'tokfej',
  'tusko',
  'fajanko',
  'agyatlan',
  'luzer',
  'nulla',
  'ertelmetlen',
  'buta',
  'kutya',
  'patkany',
  'fereg',
  'mocsok',
  'szemet',
  'parazita',
  'pioca',
);
/** Insult nouns that, after "te"/"maga"/"ön", can only be address ("te idióta"). */
const INSULT_NOUN = anyOf(
  'idiota',
  'barom',
  'okor',
  'bunko',
  'kreten',
  'debil',
  'nyomorek',
  'gyoker',
  'balfasz',
  'balek',
  'suger',
  'csalo',
  'hazug',
  'dilettans',
  'szerencsetlen',
  'semmirekello',
  'naplopo',
  'taplo',
  'majom',
  'hulyegyerek',
  'agyhalott',
  'faszfej',
  'seggfej',
  'geci',
  'kontar',
  'kokler',
  'szelhamos',
  'tolvaj',
  'tokfej',
  'tusko',
  'fajanko',
  'luzer',
  'amator',
  'hulye',
  'bena',
  'ostoba',
  'patkany',
  'fereg',
  'mocsok',
  'parazita',
  'pioca',
);
const INTENSIFY = `(?:(?:egy|kibaszott|kurva|rohadt|totalis|teljes|teljesen|komplett|tiszta|igazi|akkora|mekkora|milyen|nagyon|rettenetesen|hihetetlenul|szanalmas|ocska|mocskos|nyomorult|buta|hulye|szerencsetlen|tehetsegtelen|ekkora|olyan|ilyen|egyszeruen|csak) ){0,3}`;
/** The operator's work or business, with the second-person possessive. */
const YOUR_WORK = `(?:munkad|munkatok|munkaja|munkajuk|szoveged|szovegeid|szovegetek|terved|terveid|tervetek|designod|grafikad|grafikaid|kampanyod|posztod|posztjaid|posztjaitok|anyagod|anyagaid|ceged|cegetek|ugynokseged|ugynoksegetek|otleted|otleteid|oldalad|honlapod|weboldalad|munkavegzesed|hozzaallasod|teljesitmenyed|amit (?:csinalsz|csinaltal|kuldtel|kuldtetek|csinaltatok|irtal|irtatok|muveltel|muvelsz|alkottal|leadtal|leadtatok|produkaltal))`;
const WORK_IS_BAD = `(?:szar|fos|szemet|hulladek|gagyi|pocsek|szanalmas|nevetseges|(?:egy )?vicc|hanyadek|hanyas|ocska|hasznalhatatlan|ertektelen|tragya|gany|ganyolas|sz\\*r|siralmas|borzalmas|egy rakas szar|egy rakas szemet|egy nagy nulla|nulla|katasztrofalis|egy katasztrofa)`;
/** "milyen hülye ötlet", "vagy egy hülye dolog": the word describes a thing, not the operator. */
const NOT_A_THING = `(?! (?:otlet|dolog|helyzet|ido|nap|szabaly|rendszer|program|gep|nyomtato|hiba|kerdes|tortenet|eset|hir|forma|szin)\\w*)`;
const CURSE_ADJECTIVE = `(?:kurva|rohadt|kibaszott|szaros|szar|fos|geci|bazdmeg|kurvaelet|szarhazi|mocskos|gennyes|tetves|nyomorult)`;
const PRAISE_AFTER = `(?! (?:jo|jol|jok|nagy|nagyon|szep|ugyes|zsenialis|profi|klassz|gyors|penge|kiraly|eros|meno|brutalis|eszmeletlen|tokeletes)\\w*)`;

export const HU_ABUSE_RULES: readonly PhraseRule<AbuseSeverity>[] = [
  // —— threats ——
  {
    id: 'hu.threat.tonkreteszlek',
    label: 'threat',
    all: [
      re(
        `\\b(?:tonkreteszlek|tonkretesszuk|tonkreteszem (?:a|az) (?:cege|hirnev|karrier|elet|neve|vallalkozas|ugynokseg)\\w*|kicsinallak|kicsinalunk|megollek|megolom|megverlek|elintezlek|elintezunk|szetszedlek|szetszedunk|ellatom a bajod|ellatjuk a bajod|megbanod|megbanja|megbanjatok|megbanjak|meg fogod banni|meg fogjatok banni|meg fogja banni|megkeserulod|megkeserulitek|megfizetsz|megfizettek|megfizet ezert|megfizetnek ezert|nem usszad meg|nem ussza meg|nem usszatok meg|nem usszak meg|ezt nem usszatok meg|tudom,? hol laksz|tudjuk,? hol laksz|ennek (?:meg )?(?:lesz|lesznek) (?:\\w+ )?kovetkezmeny\\w*|jobb,? ha vigyazol|meg fogsz dogleni|ezt meg megkeserulod)\\b`,
      ),
    ],
  },
  {
    id: 'hu.threat.feljelentelek',
    label: 'threat',
    all: [
      re(
        `\\b(?:feljelentelek|feljelentunk|feljelentem|feljelentjuk|feljelentest (?:teszek|teszunk|fogok tenni|fogunk tenni)|beperellek|beperelunk|beperelem|bepereljuk|perelni fogok|perelni fogunk|birosagra (?:viszem|visszuk|adom|adjuk|megyek|megyunk|citallak)|birosag ele (?:viszem|visszuk|allitalak|citallak)|a birosagon talalkozunk|birosagon talalkozunk|ugyvedhez fordulok|ugyvedhez fordulunk|az ugyvedem (?:keresni fog|fel fogja venni|megkeres|levelet kuld)|az ugyvedunk (?:keresni fog|megkeres|levelet kuld)|jogi lepeseket (?:teszek|teszunk|fogok tenni|fogunk tenni|tervezunk)|jogi utra (?:viszem|visszuk|terelem))\\b`,
      ),
    ],
  },
  {
    id: 'hu.threat.lejaratlak',
    label: 'threat',
    all: [
      re(
        `\\b(?:lejaratlak|lejaratunk|lejaratom a (?:neved|cegedet|ceged|cegetek)\\w*|gondoskod(?:om|unk|ni fogok|ni fogunk) (?:rola|arrol),? hogy (?:soha|senki|sehol|tobbe|mindenki|az egesz)|soha tobbe nem (?:kapsz|fogsz kapni|kaptok) (?:munkat|megbizast|ugyfelet)|nem fogsz tobbet dolgozni)\\b|\\b(?:mindenkinek|mindenhol|mindenhova|mindenutt|az egesz (?:vilagnak|szakmanak|internetnek|varosnak|facebooknak)|a (?:facebookon|neten|linkedinen|instagramon|googleon|csoportban|csoportokban)|nyilvanosan)\\b.{0,30}\\b(?:elmondom|megirom|leirom|elhiresztelem|szetkurtolom|terjesztem|elmondjuk|megirjuk|leirjuk|lehuzlak|lejaratlak|beszamolok|elmeselem)\\b|\\b(?:elmondom|megirom|leirom|elhiresztelem|szetkurtolom|elmeselem)\\b.{0,30}\\b(?:mindenkinek|mindenhol|mindenhova|az egesz (?:vilagnak|szakmanak|internetnek)|a (?:facebookon|neten|linkedinen|instagramon|googleon)|nyilvanosan)\\b`,
      ),
    ],
  },
  {
    id: 'hu.threat.rossz-ertekeles',
    label: 'threat',
    all: [
      re(
        `\\b(?:rossz|negativ|egycsillagos|1 csillagos|egy csillagos|1-csillagos|lehuzo|csunya|pocsek|oszinte)\\s+(?:ertekeles|velemeny|review|kritika|visszajelzes)\\w*\\b.{0,20}\\b(?:irok|adok|fogok|kapsz|kaptok|teszek|hagyok|irunk|adunk|fogunk|kerul)\\b|\\b(?:irok|adok|fogok irni|hagyok|kapsz|kaptok|irunk|fogunk irni) (?:\\w+ )?(?:egy )?(?:rossz|negativ|egycsillagos|1 csillagos|egy csillagos|lehuzo|csunya)\\s+(?:ertekeles|velemeny|review|kritika)\\w*`,
      ),
    ],
  },

  // —— insults ——
  {
    id: 'hu.insult.hulye-vagy',
    label: 'insult',
    all: [
      re(
        `\\b${INTENSIFY}${INSULT}\\w{0,4} (?:vagy|vagytok|maga|on)(?=$|[.,!?;:]| (?:te|ti|maga|teljesen|tenyleg|komolyan|mar|nagyon|baszki|bazdmeg|egyaltalan|erre|ehhez|arra|ahhoz|ebben|abban|mint|ennek|annak|ilyen|mindig|megint|most)\\b)`,
      ),
    ],
    unless: re(`\\bnem (?:\\w+ )?(?:vagy|vagytok)\\b|\\b(?:vagy|vagytok) (?:\\w+ )?nem\\b`),
  },
  {
    id: 'hu.insult.vagy-egy-hulye',
    label: 'insult',
    all: [
      re(
        `\\b(?:vagy|vagytok|maga|on|ti|te) (?:egy|egyszeruen|csak|teljesen|tenyleg|akkora|ekkora|egy nagy|egy kibaszott|egy kurva|egy rohadt) (?:(?:kibaszott|kurva|rohadt|nagy|komplett|teljes|totalis|igazi|szanalmas|ocska) ){0,2}${INSULT}\\w{0,4}\\b${NOT_A_THING}`,
      ),
    ],
    unless: re(`\\bnem (?:vagy|vagytok)\\b`),
  },
  {
    id: 'hu.insult.te-idiota',
    label: 'insult',
    all: [
      re(
        `(?:^|[,!?:;] ?|\\b(?:hallod|figyelj|na|ide figyelj|szoval|hat) )(?:te|ti|maga|on) (?:(?:kibaszott|kurva|rohadt|buta|hulye|szerencsetlen|tehetsegtelen|szanalmas|ocska|mocskos|nyomorult|agyatlan|lusta|hazug|csalo) ){0,2}${INSULT_NOUN}\\w{0,4}\\b|\\bte ${INSULT_NOUN}\\w{0,4}[!.,]`,
      ),
    ],
  },
  {
    id: 'hu.insult.munkad-szar',
    label: 'insult',
    all: [
      re(
        `\\b${YOUR_WORK}\\b.{0,20}\\b(?:(?:egy|kibaszott|kurva|rohadt|totalis|teljes|komplett|tiszta|nagy|akkora|rakas|egyszeruen|csak|maga a) ){0,3}${WORK_IS_BAD}\\b`,
      ),
    ],
    unless: re(`\\bnem (?:\\w+ )?${WORK_IS_BAD}\\b`),
  },
  {
    id: 'hu.insult.ez-szar',
    label: 'insult',
    all: [
      re(
        `\\bez (?:\\w+ )?(?:(?:egy|kibaszott|kurva|rohadt|totalis|teljes|komplett|tiszta|nagy|rakas|akkora) ){0,3}(?:szar|fos|szemet|hanyadek|ganyolas|gany|tragya|hulladek)\\b(?! (?:nap|napom|ido|idojaras|forgalom|net|internet|wifi|nyomtato|gep|laptop|telefon|het|hetem|szerver|posta|bank|hir)\\w*)`,
      ),
    ],
    unless: re(
      `\\bnem (?:\\w+ )?(?:szar|fos|szemet)\\b|\\bez a (?:szar|fos) (?:nyomtato|gep|laptop|telefon|ido|net|wifi|posta|bank|szerver)`,
    ),
  },
  {
    id: 'hu.insult.mekkora-barom',
    label: 'insult',
    all: [
      re(
        `\\b(?:mekkora|micsoda|milyen) (?:egy )?(?:hulye|idiota|barom|okor|kreten|balfasz|amator|dilettans|bena|szerencsetlen|gyoker|tehetsegtelen|alkalmatlan|bunko|taplo)\\w{0,3}\\b${NOT_A_THING}`,
      ),
    ],
  },
  {
    id: 'hu.insult.gyerekem-jobbat',
    label: 'insult',
    all: [
      re(
        `\\b(?:a|egy|az en) (?:majom|gyerek|gyerekem|fiam|lanyom|nagymamam|nagyanyam|ovodas|kisiskolas|gyakornok|kutyam|macskam|csimpanz)\\w{0,3}\\b.{0,25}\\b(?:jobbat|jobban|szebbet|szebben|jobb munkat)\\b`,
      ),
    ],
  },
  {
    id: 'hu.insult.semmihez-nem-ertesz',
    label: 'insult',
    all: [
      re(
        `\\b(?:semmihez (?:nem|sem)|egy kukkot sem|egyaltalan nem) (?:ertesz|ertetek|ert)\\b|\\blovesed sincs\\b|\\blovesetek sincs\\b|\\b(?:tanuld|tanuljatok) meg a szakmat\\b|\\bvegezd (?:mar )?a (?:kibaszott |kurva |rohadt )?munkad\\b|\\b(?:kussolj|kussoljatok|pofa be)\\b`,
      ),
    ],
  },

  // —— profanity aimed at the operator ——
  {
    id: 'hu.profanity.baszodj-meg',
    label: 'profanity',
    all: [
      re(
        `\\b(?:baszodj|baszodjatok|basszon meg|b\\*szodj) meg\\b|\\bbaszodj(?:atok)? meg\\b|\\b(?:kapd|kapjatok|kapja) be\\b|\\bmenj(?:en|etek)? (?:a |az )?(?:francba|picsaba|fenebe|busba|kurva anyadba|anyadba|halalba|pokolba|gecibe|faszba|melegebb eghajlatra)\\b|\\b(?:a|az) (?:kurva|rohadt|kurva rohadt) anyad\\b|^az anyad[!.]*$|\\bfogd be (?:a |azt a )?(?:pofad|szad|pofadat|szadat|lepcsod)\\b|\\b(?:rohadj|rohadjatok|dogolj|dogoljetek|fulladj|fulladjatok|doglodj|dogolj) meg\\b|^(?:(?:bazd|baszd|b\\*zd) ?meg|bazdmeg|baszdmeg)[.!]*$|\\b(?:bazd|baszd) meg (?:te|maga|ti|magad|magatokat|az anyad|a ceged|a munkad|az egeszet|a szamlad)\\b|\\bnyald ki\\b|\\bszopd le\\b`,
      ),
    ],
  },
  {
    id: 'hu.profanity.kurva-munkad',
    label: 'profanity',
    all: [
      re(
        `\\b${CURSE_ADJECTIVE} (?:\\w+ )?(?:munkad|munkatok|szoveged|terved|designod|grafikad|kampanyod|posztod|posztjaid|anyagod|ceged|cegetek|ugynokseged|szamlad|szamlaid|arajanlatod|emailed|leveled|kifogasod|kifogasaid|dumad|szovegeid|oldalad|honlapod|otleted|otleteid)(?:at|ot|et|ek|ak)?\\b`,
      ),
    ],
  },
  {
    id: 'hu.profanity.te-kurva',
    label: 'profanity',
    all: [
      re(
        `\\b(?:te|ti|maga) (?:egy )?(?:kurva|geci|fasz|pocs|picsa|ribanc|szemet|gennyes|mocskos|kibaszott|rohadt|szarhazi|tetves)\\w{0,3}\\b${PRAISE_AFTER}`,
      ),
    ],
  },
];
