import type { RuleSet } from './rule-set';

/**
 * Hungarian rules. Text is folded (á→a, é→e, ő→o, ű→u …), so every stem below is written without
 * accents and also matches mail typed without them. Hungarian is agglutinative: verbs are matched
 * as stem + suffix family (jóváhagy\w*, visszajelz\w*), imperatives as explicit form lists.
 */

/** What a client hands over or gives us, as a noun stem. */
const WANTED =
  '(?:visszajelz\\w*|velemeny\\w*|jovahagyas\\w*|dontes\\w*|megjegyzes\\w*|javaslat\\w*|foto\\w*|kep(?:ek|eket|et)\\b|anyag\\w*|szoveg\\w*|fajl\\w*|logo\\w*|adat\\w*|hozzaferes\\w*|jelszo\\w*|utalas\\w*|befizetes\\w*|szamlazasi|otlet\\w*|megerosites\\w*|valasztas\\w*|video\\w*|minta\\w*|brief\\w*|jegyzet\\w*)';

/** The optional part of a polite closing: "ha bármi kérdésed van", "ha szeretnéd", "amennyiben kérdése van". */
const IF_OPTIONAL =
  '(?:ha|amennyiben)\\b[^,.!?]{0,40}?\\b(?:kerdes\\w*|problema\\w*|gond\\w*|nem vilagos|kell\\w*|szukseg\\w*|szeretne\\w*|akarsz|akartok|akarna\\w*|barmi\\w*|valami|egyeb)\\b';

/** Imperatives that only close politely when they follow an optional condition. */
const CLOSING_VERB = '(?:szolj\\w*|jelezz\\w*|jelezd|jelezze|irj\\w*|keress\\w*|hivj\\w*|fordulj\\w*|oszd meg|kerdezz\\w*)';

/** 2nd-person (and formal) imperatives of the verbs used to ask for something. */
const IMPERATIVE =
  '(?:at|el|vissza|meg|ki|fel|be|ra)?(?:kuld(?:d|j|je|jek|jetek|jed)|ir(?:d|j|ja|jak|jatok|jon)|nez(?:d|z|ze|zek|zetek|zen)|hagy(?:d|ja|jak|jatok)|jelez(?:z|d|ze|zek|zetek|zen)|szol(?:j|jon|jatok)|ad(?:d|j|ja|jak|jatok)|tolts(?:d|e|ek|etek)?|utal(?:d|j|ja|jak|jatok)|erosits(?:d|e|ek|etek)|valas(?:zd|sz|sza|szatok|szon)|donts(?:d|etek|on|enek)|ellenoriz(?:d|ze|zetek)|os(?:zd|sza|szatok)|tovabbits(?:d|a|ak|atok)|igazol(?:d|ja|jatok)|hiv(?:j|jon|jatok)|ertesits(?:en|etek)?|fogad(?:d|ja|jatok)|dob(?:d|j|jatok)|tajekoztas(?:s|son|satok)|te(?:dd|gye|gyetek)|mond(?:d|j|ja|jatok))';

export const hungarianRules: RuleSet = {
  language: 'hu',
  neutralisers: [
    // "Szólj, ha szeretnél valamin változtatni." / "Ha bármi kérdésed van, szólj nyugodtan."
    new RegExp(
      `(?:\\b${CLOSING_VERB}(?: nyugodtan| batran)?,? )?${IF_OPTIONAL}[^,.!?]{0,60}(?:, ?(?:csak |nyugodtan |batran )?${CLOSING_VERB}(?: nyugodtan| batran| bizalommal)?)?`,
      'g',
    ),
    /\b(?:nyugodtan|batran|bizalommal) [a-z]+|\b[a-z]+ (?:nyugodtan|batran|bizalommal)\b/g,
    /\bkerdes eseten\b[^,.!?]{0,60}/g,
    /\brendelkezes\w* (?:allok|allunk)\b/g,
    // Apologies use the verb "kér": "Elnézést kérek", "Türelmedet kérem".
    /\b(?:elnezes\w*|bocsanat\w*|megertes\w*|turelm\w*) ker\w*/g,
    /(?:\b(?:kerlek|kerem|kerjuk),? )?\bne haragudj\w*/g,
    // Please + a verb that informs: "kérlek, vedd figyelembe", "hagyd figyelmen kívül".
    /(?:\b(?:kerlek|kerem|kerjuk),? )?\b(?:vedd|vegye|vegyek|vegyetek) figyelembe\b/g,
    /(?:\b(?:kerlek|kerem|kerjuk),? )?\b(?:hagyd|hagyja|hagyjak|hagyjatok) figyelmen kivul\b/g,
    /(?:\b(?:kerlek|kerem|kerjuk),? )?\bne valaszol\w*/g,
    /^(?:csak )?jelezn(?:em|enk)\b|\bcsak jelezni szeretn\w*|\btajekoztatasul\b|\bfelhivom a figyelm\w*/g,
    // Thanks, except "előre is köszönöm a …", which thanks for something still to come.
    /(?<!elore is )\b(?:koszi\w*|koszon\w*|kosz|koszke)\b[^,;.!?]{0,80}/g,
    /\bszivesen (?:segit\w*|beszel\w*|atnez\w*|kuld\w*|megcsinal\w*)\b[^,.!?]{0,60}/g,
    /\bsegithetek (?:meg )?(?:valamiben|barmiben)\b/g,
    /\balig var\w*\b[^,;.!?]{0,80}/g,
    // "nem kell küldened": a request verb under negation asks for nothing.
    /\b(?:nem kell(?:ene)?|nincs szukseg)\b[^,.!?]{0,40}/g,
  ],
  vetoes: [
    {
      id: 'hu.veto.reported-question',
      pattern:
        /\b(?:kerdezte|kerdezted|kerdeztetek|kerdeztek|megkerdezte|megkerdeztem|megkerdezted|kerdeztem|erdeklodott|erdeklodtel|erdeklodtetek)\b|\bkerdes\w* (?:valaszolva|alapjan)\b/,
    },
    // "Arra várunk, hogy a Meta jóváhagyja": waiting for a third party (a nominative subject).
    { id: 'hu.veto.third-party-waiting', pattern: /\bvar\w*,? hogy (?:a|az) [a-z]*[^t\s,.!?]\b/ },
  ],
  questionVetoes: [
    {
      id: 'hu.smalltalk',
      pattern:
        /^(?:hogy (?:vagy|vagytok|van|vannak|telt|ment|sikerult a (?:vasar|nyaralas|szabadsag|hetvege|utazas|buli|rendezveny|konferencia|kiallitas|unnep\w*))\b|jol telt\b|milyen volt a (?:hetvege|nyaralas|szabadsag|utazas|buli)\b|(?:szep|jo|rossz|csodas) ido\b|micsoda\b|remelem\b)/,
    },
    {
      id: 'hu.rhetorical',
      pattern:
        /^(?:ki ne\b|ki gondolta volna\b|tudtad,? hogy\b|el tudod hinni\b|hat nem\b|emlekszel\b|elgondolkodtal mar\b|miert ne\b|miert fontos\b|kepzeld\b|tudod mit\b|ugye milyen\b|(?:az? )?(?:eredmeny|valasz|titok|lenyeg|ok)\?|ki mondana nemet\b|lattal mar ilyen\w*\b)/,
    },
  ],
  asks: [
    {
      id: 'hu.request.kerlek',
      pattern: /\b(?:kerlek|kerem|kerjuk|kernem|kernenk|kernelek|legyszi|legyszives|legyszike|pls)\b/,
      strength: 3,
    },
    {
      id: 'hu.request.megkerni',
      pattern:
        /\b(?:megkernelek|megkerlek|megkernem|megkernenk|megkerni|megkerjem|arra kernelek|arra kerem|arra kerjuk|szeretnem kerni|szeretnenk kerni)\b/,
      strength: 3,
    },
    {
      id: 'hu.request.szives',
      pattern: /\b(?:lennel szives|lennetek szivesek|lenne szives|lennenek szivesek|legyen szives|legyenek szivesek|szivesked\w*)\b/,
      strength: 3,
    },
    { id: 'hu.request.megkoszonnem', pattern: /\bmegkoszonn(?:em|enk|ok)\b,? ha\b/, strength: 3 },
    { id: 'hu.approval.jova', pattern: /\b(?:hagyd|hagyja|hagyjak|hagyjatok) jova\b/, kind: 'approval', strength: 3 },
    {
      id: 'hu.approval.jovahagyasra-var',
      pattern: /\bjovahagyas\w* var\w*|\bvar\w* (?:a |az )?(?:[a-z]+ )?jovahagyas\w*/,
      kind: 'approval',
      strength: 3,
    },
    // Conditional 2nd person: küldenéd, jóváhagynád, megtennéd, feltöltenétek.
    { id: 'hu.request.conditional-you', pattern: /\b[a-z]{2,}(?:nad|ned|natok|netek)\b/, strength: 3 },
    { id: 'hu.request.tudnal', pattern: /\b(?:tudnal|tudnatok|tudnad)\b/, strength: 3 },
    { id: 'hu.request.imperative', pattern: new RegExp(`\\b${IMPERATIVE}\\b`), strength: 3 },
    {
      id: 'hu.waiting.varom',
      pattern: new RegExp(`\\bvar(?:om|juk|nank|nam|ok|unk)\\b[^.!?]{0,40}\\b${WANTED}`),
      strength: 3,
    },
    {
      id: 'hu.material.szuksegunk',
      pattern: new RegExp(`\\b(?:szuksegunk|szuksegem) (?:lenne|van|volna|lesz)\\b[^.!?]{0,60}\\b${WANTED}`),
      kind: 'material',
      strength: 3,
    },
    {
      id: 'hu.material.kellene',
      pattern: new RegExp(
        `\\bkellene(?:nek)? (?:meg )?(?:a |az |egy )?(?:[a-z]+ )?${WANTED}|\\bkell(?:ene)?\\b[^.!?]{0,40}\\b(?:toled|toletek|ontol|onoktol)\\b`,
      ),
      kind: 'material',
      strength: 3,
    },
    {
      id: 'hu.question.kerdeznem',
      pattern:
        /\b(?:kerdeznem|kerdeznenk|megkerdeznem|erdeklodnek|erdeklodnenk|szeretnem megkerdezni|szeretnenk megkerdezni|rakerdeznek)\b/,
      strength: 2,
    },
    {
      id: 'hu.material.nem-erkezett',
      pattern:
        /\bnem (?:jott|jottek|erkezett|erkeztek|kaptuk|kaptam) meg\b[^.!?]{0,60}\b(?:toled|toletek|ontol|onoktol|oldal(?:ad|atok|ukrol)\w*)|\b(?:toled|toletek|ontol|onoktol|oldal(?:ad|atok)\w*)\b[^.!?]{0,60}\bnem (?:jott|jottek|erkezett|erkeztek) meg\b/,
      kind: 'material',
      strength: 3,
    },
    { id: 'hu.material.hianyzik', pattern: /\b(?:mar csak|meg) [^.!?]{0,50}\bhianyz(?:ik|anak)\b/, kind: 'material', strength: 2 },
    { id: 'hu.request.amig-nem', pattern: /\bamig nem (?:hagyod jova|kuldod|kuldted|jelzed|erositod meg|fizeted|utalod)\b/, strength: 3 },
    { id: 'hu.followup.emlekeztet', pattern: /\b(?:emlekeztetnelek|emlekeztetnem|emlekeztetoul|ratartanek)\b/, strength: 2 },
  ],
  questionStart:
    /^(?:mikor|melyik|mit|mi|hol|hova|hogyan|hany|hanykor|milyen|kinek|kivel|ki|mennyi|mennyire|meddig|honnan|miert|van|mehet|megvan)\b/,
  leadIn:
    /^(?:(?:szia|sziasztok|hali|hello|helo|kedves|tisztelt|jo napot|udv)\b[ ,!]*(?:[a-z'.-]{1,30}(?: [a-z'.-]{1,30})?, ?)?|(?:es|de|meg|ja|amugy|egyebkent|szoval|ui|u\.i\.|ps|na)\b[ ,:;!.-]*)/,
  kinds: [
    [
      'approval',
      /\b(?:jovahagy\w*|hagy\w* jova|mehet|jo igy|rendben van igy|elesit\w*|erosits\w* meg|megerosit\w*|zold ut\w*|elfogad\w*)\b/,
    ],
    [
      'decision',
      /\b(?:melyik\w*|vagy|valaszt\w*|valassz\w*|dont\w*|preferencia\w*|inkabb|jobb lenne|megfelel\w*|raersz|raertek|jo neked|jo nektek|idopont\w*|szeretnetek|szeretned|attegyuk|tegyuk|keszitsunk|esetleg|javasolsz|javasoltok|kiemeljuk|felhivhatlak)\b/,
    ],
    [
      'feedback',
      /\b(?:visszajelz\w*|jelezz\w* vissza|velemeny\w*|gondolsz|gondoltok|szolsz|szoltok|tetszik|atnez\w*|nezd at|nezze at|nezd meg|ranez\w*|nezni|ellenoriz\w*|megjegyzes\w*)\b/,
    ],
    [
      'material',
      /\b(?:\w*kuld\w*|foto\w*|kep\w*|logo\w*|jelszo\w*|hozzaferes\w*|belep\w*|szoveg\w*|fajl\w*|video\w*|adat\w*|\w*utal\w*|fizet\w*|adoszam\w*|kerdoiv\w*|tovabbit\w*|hozza|pixel\w*|szerzodes\w*|\w*minta\w*|anyag\w*|feltolt\w*|nyertes\w*|dobd|meghivas\w*)\b/,
    ],
  ],
};
