import { anyOf, type PhraseRule, re } from './rule';
import type { ControlSignalKind } from './types';

/**
 * Hungarian control-signal rules over folded sentences: no accents ("jóváhagyásom" is matched
 * as "jovahagyasom"), lower-case. Hungarian glues person, case and possession onto the stem, so
 * the rules match stems with suffixes (`poszt\w*`), and the first-person forms that make a
 * sentence a demand ("jóváhagyásom nélkül" — without MY approval; "látni akarom" — I want to
 * see it). Same line as in English: gating publication on the client's own sign-off, or
 * sign-off over every item, is a demand; "küldd át a szerződést jóváhagyásra" is not, and
 * neither is a batch ("az összes márciusi posztot").
 */

const PUBLISHABLE = `(?:poszt|bejegyzes|tartalm|tartalom|kep|grafik|hirlevel|cikk|szoveg|video|story|stori|sztori|reel|hirdetes|banner|vazlat|design|anyag|felirat|kommen|level|kreativ|valtoztatas|modositas|mondat|szo\\b|szot\\b|cim|oldal)\\w*`;

/** "minden posztot", "minden egyes képet", "mindent", "egyesével". Not "az összes" (a batch). */
const PER_ITEM = `\\b(?:minden (?:egyes |egyetlen )?${PUBLISHABLE}|mindent\\b|minden egyes\\b|mindegyiket\\b|egyesevel\\b|egyenkent\\b|darabonkent\\b|barmit\\b|barmi\\b)`;

/** Seeing or approving before the fact: a demand whether wanted ("akarom") or required ("kell"). */
const INFINITIVE_SEE = anyOf('latni', 'megnezni', 'jovahagyni', 'engedelyezni', 'okezni', 'leokezni', 'jovahagyasra');
/**
 * Checking is a demand only when the client wants it ("át szeretném nézni"); "ellenőriznem
 * kell" (I have to check it) is checking after the fact, which the distrust rules report.
 */
const INFINITIVE_CHECK = anyOf('atnezni', 'ellenorizni', 'leellenorizni', 'atolvasni', 'elolvasni');
const WANT = anyOf(
  'akarom',
  'akarok',
  'akarjuk',
  'akarunk',
  'szeretnem',
  'szeretnek',
  'szeretnenk',
  'kell',
  'kellene',
  'kene',
  'muszaj',
  'kivanom',
  'fogom',
  'fogjuk',
  'kerem',
);
const DESIRE = anyOf('akarom', 'akarok', 'akarjuk', 'akarunk', 'szeretnem', 'szeretnek', 'szeretnenk', 'kivanom', 'kerem');
const MUST_I = `(?:le|jova|meg)?${anyOf('latnom', 'jovahagynom', 'megneznem', 'engedelyeznem', 'okeznom')}`;

/** The client wants to see or approve it themselves. */
const WANT_TO_APPROVE = `\\b(?:${INFINITIVE_SEE} ${WANT}|${WANT} (?:\\w+ )?${INFINITIVE_SEE}|${INFINITIVE_CHECK} ${DESIRE}|${DESIRE} (?:\\w+ )?${INFINITIVE_CHECK}|${MUST_I}\\b|(?:jova|meg|le) (?:kell|kellene|kene|akarom|szeretnem|fogom) (?:\\w+ )?(?:hagyni|hagynom|nezni|neznem|okezni)|at (?:akarom|szeretnem|fogom) (?:\\w+ )?(?:nezni|olvasni)|en (?:hagyom|hagyok|hagyjuk) (?:\\w+ )?jova|(?:jovahagyasom|engedelyem|beleegyezesem|okem|rabolintasom|jovahagyasunk)\\w*|(?:az )?en jovahagyas\\w*|nekem (?:(?:at|le|meg|jova) )?kell (?:\\w+ )?(?:jova|at|meg|le)?\\w*(?:hagy|nez|ellenoriz|okez)\\w*|(?:at|rajtam|nalam) kell (?:mennie|atmennie)|rajtam keresztul|(?:hogy|amig) (?:(?:at|meg|jova|le) ?)?(?:nezzem|lassam|hagyjam|ellenorizzem|olvassam|okezzam)\\b)`;

/** "küldd el nekem", "mutasd meg", "mutassa meg nekem". */
const SHOW_ME = `\\b(?:(?:kuldd|kuldjed|kuldje|kuldjetek|kuldjek|tedd|tegye|kuldj|kuldjon)\\b.{0,25}\\bnekem\\b|nekem\\b.{0,20}\\b(?:kuldd|kuldje|kuldj|kuldjon|mutasd|mutassa)|(?:mutasd|mutassa|mutassatok|mutasson|mutass)\\b(?: (?:meg|be))?)`;

/** "mielőtt kikerül", "posztolás előtt". */
const BEFORE_PUBLISHING = `\\bmielott\\b.{0,40}\\b(?:ki(?:kerul|megy|mennek|menne|mennenek|teszed|teszi|tesztek|tennetek|kuld|posztol|rak|tesz)\\w*|megjelen\\w*|poszt\\w*|publikal\\w*|eles\\w*|elkuld\\w*|kuld\\w*|feltesz\\w*|feltol\\w*|felker\\w*|utemez\\w*|megy|mennek|menne)|\\b(?:posztolas|kikerules|megjelenes|publikalas|kikuldes|elesites|elesedes|utemezes|feltoltes|kiteves)\\s+elott\\b`;

const NEGATION = `\\b(?:semmi\\w*|egyetlen\\w*|ne|nem|soha|sose|sehol)\\b`;
const WITHOUT_MY_OK = `\\b(?:nelkul(?:em)?|amig (?:en |mi )?(?:nem|jova nem|at nem|meg nem|ra nem|le nem)|csak (?:ha|miutan|akkor,? ha|akkor mehet)|mig nem)\\b.{0,30}|\\bnelkulem\\b`;
const APPROVAL_WORD = `\\b(?:jovahagy\\w*|bolint\\w*|hagytam jova|hagyom jova|jova nem hagy\\w*|lat\\w*|engedely\\w*|oke\\w*|ok|okez\\w*|rabolint\\w*|atnez\\w*|at nem nez\\w*|neztem at|nezem at|megnez\\w*|meg nem nez\\w*|tudt\\w*|beleegyez\\w*|ellenoriz\\w*|nelkulem|mondom)\\b`;

const STANDING = `\\b(?:mostantol|ezentul|a jovoben|innentol|ezutan|mindig|minden alkalommal|a tovabbiakban|mostantol kezdve)\\b`;
const FIRST = `\\b(?:elobb|eloszor|elozetesen|elotte|mindig)\\b`;

const NOT_A_CHANGE = `\\b(?:engem|minket)\\b|\\b(?:nem|ne|nincs|semmi(?:t|lyen)?|sehol|felesleges)\\b.{0,20}\\b(?:kell|kellene|szukseg\\w*|modosit\\w*|javit\\w*|valtoztat\\w*|hozzanyul\\w*|cserel\\w*|atir\\w*|irni at)|\\b(?:koszi|koszonom|koszonjuk|kosz|koszi szepen|koszonet)\\b.{0,25}\\b(?:javitas|modositas|valtoztatas|csere|atiras|gyors)\\w*`;

/** Imperatives (informal, formal, plural) and first-person-plural proposals of changing verbs. */
const CHANGE_IMPERATIVE = anyOf(
  'modositsd',
  'modositsa',
  'modositsatok',
  'modositsuk',
  'modosits',
  'javitsd',
  'javitsa',
  'javitsatok',
  'javitsuk',
  'javits',
  'kijavitsd',
  'kijavitsa',
  'valtoztasd',
  'valtoztassa',
  'valtoztass',
  'valtoztassatok',
  'valtoztassunk',
  'ird at',
  'irja at',
  'irjad at',
  'irjatok at',
  'irjuk at',
  'ird meg ujra',
  'ird ujra',
  'irj (?:egy )?(?:uj|masik)',
  'csereld',
  'cserelje',
  'csereljetek',
  'csereljuk',
  'cserelj',
  'alakitsd',
  'alakitsa',
  'dolgozd at',
  'dolgozza at',
  'szerkeszd',
  'szerkessze',
  'fogalmazd at',
  'fogalmazza at',
  'rovidits\\w*',
  'bovits\\w*',
  'torold',
  'torolje',
  'toroljetek',
  'toroljuk',
  'torolj',
  'huzd ki',
  'huzza ki',
  'vedd ki',
  'vegye ki',
  'vegyuk ki',
  'vedd le',
  'vegye le',
  'tedd at',
  'tegye at',
  'tedd be',
  'tegye be',
  'tegyel be',
  'rakd at',
  'rakja at',
  'rakd be',
  'igazitsd',
  'igazitsa',
  'finomitsd',
  'finomitsa',
  'csinald ujra',
  'csinalja ujra',
  'hasznalj inkabb',
  'hasznaljon inkabb',
  'legyen inkabb',
  'legyen (?:a|az) \\w+ (?:inkabb|mas|\\w+abb|\\w+ebb)',
  'szinezd at',
  'vagd (?:meg|le|ki|rovidebbre)',
  'vagja (?:meg|le|ki|rovidebbre)',
  'szinezze at',
  'cserelj(?:uk|ed)? ki',
);
const CONDITIONAL_PERSON = '(?:d|l|tok|nak|tatok|nal|tek|nek)?';
/** "módosítanád", "kicserélnéd"; generic verbs (írna, tenne, csinálna) only with a changing prefix. */
const CHANGE_CONDITIONAL = `\\b(?:(?:at|ki|meg|ujra) ?)?(?:modositana|javitana|valtoztatna|cserelne|alakitana|roviditene|bovitene|torolne|szerkesztene|igazitana|finomitana|szinezne)${CONDITIONAL_PERSON}\\b|\\b(?:at|ki|ujra) ?(?:irna|dolgozna|fogalmazna|csinalna|tenne|rakna|venne)${CONDITIONAL_PERSON}\\b`;
const CHANGE_INFINITIVE = anyOf(
  'modositani',
  'javitani',
  'kijavitani',
  'valtoztatni',
  'megvaltoztatni',
  'atirni',
  'ujrairni',
  'cserelni',
  'kicserelni',
  'atalakitani',
  'atdolgozni',
  'roviditeni',
  'boviteni',
  'torolni',
  'kitorolni',
  'szerkeszteni',
  'atfogalmazni',
  'igazitani',
  'finomitani',
  'kivenni',
  'atrakni',
  'athelyezni',
  'ujracsinalni',
  'atszinezni',
);
const CAN_YOU = anyOf(
  'tudnad',
  'tudnal',
  'tudna',
  'tudnatok',
  'tudnank',
  'lehetne',
  'kellene',
  'kene',
  'kell',
  'szeretnem',
  'szeretnenk',
  'jo lenne',
  'jobb lenne',
  'kerlek',
  'kerem',
  'legyszi',
  'legyszives',
  'legy szives',
  'legyen szives',
);

/** Comparatives of time, price, speed and judgement are not visual nudges ("kicsit később", "kicsit drágább"). */
const COMPARATIVE = `(?!(?:kesobb|korabban|hamarabb|elobb|tovabb|jobb|jobban|rosszabb|tobb|kevesbe|kesobbre|hamarabbra|jobbnak|tobbet|kevesebbet|dragabb|olcsobb|lassabb|gyorsabb|gyorsabban|lassabban|nehezebb|konnyebb|egyszerubb|bonyolultabb|inkabb|kesobbi|hosszabb ideig|idosebb|fiatalabb|faradtabb|elfoglaltabb)\\b)(?:\\w+(?:abb|ebb|bb)(?:ra|re|an|en)?|balra|jobbra|feljebb|lejjebb|beljebb|kijjebb|elore|hatra|kozepre)\\b`;
const SLIGHTLY = `\\b(?:egy )?(?:kicsit|kicsivel|kicsikevel|picit|picivel|kisse|arnyalattal|arnyalatnyit|hajszallal|hajszalnyit|leheletnyit|leheletnyivel|fokkal|csoppet|csoppnyit|pottyet|minimalisan|kevessel|icipicit|kis mertekben|szikrat|szikranyit)\\b`;

const NOT_URGENT = `\\bnem (?:\\w+ )?(?:surgos|surget\\w*)|\\bnem kell sietni\\b|\\braer\\b|\\bnincs hajtas\\b|\\bnyugodtan\\b`;
/** "azonnal jelzem", "még ma elküldöm": the client's own promise, not pressure. */
const I_WILL_QUICKLY = `\\b(?:azonnal|rogton|meg ma|ma meg|minel elobb|minel hamarabb|mielobb)\\s+(?:\\w+ )?(?!(?:kerem|kerek|kerjuk|kernem|szeretnem)\\b)(?!\\w*(?:jetek|jatok|etek|atok|otok)\\b)\\w+(?:om|em|ok|ek|unk|juk|uk|lom|lek|ozom|ezem)\\b`;

export const HU_SIGNAL_RULES: readonly PhraseRule<ControlSignalKind>[] = [
  // —— approval demands ——
  {
    id: 'hu.approval.minden-posztot',
    label: 'approval_demand',
    all: [re(PER_ITEM), re(`${WANT_TO_APPROVE}|${SHOW_ME}`)],
    unless: re(`\\bminden (?:rendben|ok|oke|szuper|klassz|tokeletes|jo)\\b|\\bmindent (?:koszon|koszi)\\w*`),
  },
  {
    id: 'hu.approval.jovahagyasom-nelkul',
    label: 'approval_demand',
    all: [re(NEGATION), re(WITHOUT_MY_OK), re(APPROVAL_WORD)],
    unless: re(`\\b(?:szamla\\w*|fizet\\w*|szerzodes\\w*|megrendelo\\w*|arajanlat\\w*)\\b`),
  },
  {
    id: 'hu.approval.mielott-kikerul',
    label: 'approval_demand',
    // Checking before publication is gating, whether the client wants it or says they must.
    all: [
      re(BEFORE_PUBLISHING),
      re(
        `${WANT_TO_APPROVE}|${SHOW_ME}|\\bjovahagy\\w*|\\b(?:at|le|meg) (?:kell|kellene|kene) (?:\\w+ )?(?:neznem|ellenoriznem|olvasnom)\\b|\\b(?:atneznem|ellenoriznem|leellenoriznem|atolvasnom)\\b`,
      ),
    ],
  },
  {
    id: 'hu.approval.csak-ha-jovahagytam',
    label: 'approval_demand',
    all: [
      re(
        `\\bcsak\\b.{0,40}\\b(?:ha|miutan|amennyiben) (?:en |mi )?(?:mar )?(?:jovahagyt\\w*|jova\\w* hagyt\\w*|lattam|lattuk|atneztem|atneztuk|okeztam|okeztuk|rabolintottam|engedelyeztem|engedelyeztuk|mondom|mondtam)\\b|\\bcsak (?:az )?en (?:jovahagyas\\w*|engedely\\w*)`,
      ),
    ],
  },
  {
    id: 'hu.approval.mostantol',
    label: 'approval_demand',
    all: [re(STANDING), re(`${WANT_TO_APPROVE}|\\b(?:mutasd|mutassa|mutassatok)\\b`)],
  },
  {
    id: 'hu.approval.elobb-mutasd',
    label: 'approval_demand',
    all: [re(FIRST), re(`${WANT_TO_APPROVE}|\\b(?:mutasd|mutassa|mutassatok|mutass)\\b`)],
    unless: re(`\\beloszor is\\b|\\belobb-utobb\\b`),
  },

  // —— tiny changes ——
  {
    id: 'hu.tiny.pixel',
    label: 'tiny_change',
    all: [
      re(`\\b\\d+(?:[.,]\\d+)? ?(?:px|pixel\\w*|mm|pt|pont\\w*)\\b|\\begy (?:pixel\\w*|ponttal|betumerettel)\\b`),
      re(
        `\\b(?:balra|jobbra|feljebb|lejjebb|nagyobb\\w*|kisebb\\w*|told|tolja|huzd|huzza|mozgasd|mozgassa|novel\\w*|csokkent\\w*|emeld|emelje|vidd|vigye|tedd|tegye|legyen|betumeret\\w*|merete?\\w*)\\b`,
      ),
    ],
  },
  {
    id: 'hu.tiny.egy-arnyalattal',
    label: 'tiny_change',
    all: [re(`${SLIGHTLY} (?:(?:legyen|lehetne|kellene|kene|lenne|jobban|inkabb|meg) ){0,2}${COMPARATIVE}`)],
  },
  {
    id: 'hu.tiny.irasjel',
    label: 'tiny_change',
    all: [
      re(
        `\\b(?:vesszo\\w*|kotojel\\w*|gondolatjel\\w*|szokoz\\w*|felkialtojel\\w*|kerdojel\\w*|pontosvesszo\\w*|kettospont\\w*|nagybetu\\w*|kisbetu\\w*|ekezet\\w*|idezojel\\w*|zarojel\\w*|emoji\\w*|elgepel\\w*|(?:a|egy|az utolso|felesleges) pont(?:ot)?|pontot|betut|betuhiba\\w*|sortores\\w*)\\b`,
      ),
      re(
        `\\b(?:cserel\\w*|torol\\w*|torold|vedd|vegye|tedd|tegye|rakd|rakja|javits\\w*|javit\\w*|irj|irjon|ird|irja|irjad|hianyzik|felesleges|maradt|legyen|helyett|kerul\\w*|kell|kellene|kene)\\b`,
      ),
    ],
  },
  {
    id: 'hu.tiny.apro-modositas',
    label: 'tiny_change',
    all: [
      re(
        `\\b(?:apro|aprocska|pici|picike|icipici|kis|kicsi|minimalis|jelentektelen|parszavas)\\s+(?:modositas|valtoztatas|javitas|igazitas|finomitas|csere|igazitas)\\w*`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },

  // —— revision requests ——
  { id: 'hu.revision.felszolito', label: 'revision_request', all: [re(`\\b${CHANGE_IMPERATIVE}\\b`)], unless: re(NOT_A_CHANGE) },
  { id: 'hu.revision.feltetelesen', label: 'revision_request', all: [re(CHANGE_CONDITIONAL)], unless: re(NOT_A_CHANGE) },
  {
    id: 'hu.revision.tudnad-modositani',
    label: 'revision_request',
    all: [
      re(
        `\\b${CAN_YOU}\\b.{0,30}\\b(?:(?:at|ki|meg|ujra) )?${CHANGE_INFINITIVE}\\b|\\b${CAN_YOU}\\b.{0,30}\\b(?:masik|mas|uj|egy masik|jobb)\\b.{0,25}\\b(?:valasztani|keresni|talalni|hasznalni|betenni|tenni)\\b|\\b(?:at|ki|meg|ujra) (?:kellene|kene|kell|kellene meg|kene meg) (?:\\w+ )?(?:irni|cserelni|valtoztatni|dolgozni|javitani|venni|rakni|tenni|nezni a)\\b|\\b${CHANGE_INFINITIVE} (?:kellene|kene|kell|kellene meg)\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'hu.revision.meg-egy-kor',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:meg egy|ujabb|egy ujabb|meg egy utolso) (?:kor|javitas|modositas|valtoztatas|verzio|valtozat|korrekcio)\\w*|\\b(?:masodik|harmadik|negyedik|otodik|hatodik|sokadik|tizedik) (?:kor|javitas|modositas|valtoztatas|korrekcio)\\w*`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'hu.revision.modositas-kellene',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:modositas|javitas|valtoztatas|atiras|csere|korrekcio)\\w*\\b.{0,25}\\b(?:kell|kellene|kene|kerek|kernek|kernem|szukseges|lenne|volna|van meg|lesz meg)\\b|\\b(?:kerek|kernek|kernem|kernenk|lenne|volna|van meg|kellene|kene|kuldok|kuldom)\\b.{0,25}\\b(?:modositas|javitas|valtoztatas|atiras|korrekcio)\\w*`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'hu.revision.nem-jo-igy',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:igy|ez igy|ez) (?:meg )?nem (?:jo|megfelelo|az igazi|lesz jo|tetszik)\\b.{0,40}\\b(?:mas|ujra|inkabb|helyette|cserel\\w*|valtoztat\\w*|modosit\\w*)`,
      ),
    ],
  },

  // —— distrust ——
  {
    id: 'hu.distrust.nem-bizom',
    label: 'distrust',
    all: [
      re(
        `\\bnem (?:igazan |nagyon |teljesen |egeszen |tudok |tudunk |mertem |merek )?(?:bizom|biztam|bizhatok|bizunk|bizhatunk|bizhatom|megbizni|bizni|bizok)\\b|\\bnem lehet (?:\\w+ )?(?:bizni|rabizni|rad bizni)\\b|\\bnem bizhato\\w*\\b`,
      ),
    ],
  },
  {
    id: 'hu.distrust.bizalom-elveszett',
    label: 'distrust',
    all: [
      re(
        `\\b(?:elveszett|elvesztettem|elvesztettuk|megrendult|nincs|nem maradt|elfogyott|megingott)\\b.{0,25}\\bbizalm\\w*|\\bbizalm\\w*.{0,25}\\b(?:elveszett|megrendult|elfogyott|megingott)\\b`,
      ),
    ],
  },
  {
    id: 'hu.distrust.magam-ellenorzom',
    label: 'distrust',
    all: [
      re(
        `\\b(?:(?:en )?magam|sajat magam|inkabb en|majd en|akkor en)\\b.{0,30}\\b(?:ellenoriz\\w*|ellenorzok|ellenorzom|nezem at|nezek at|atnezem|atnezek|kontrollal\\w*|javitom|kijavitom|atirom)\\b|\\b(?:inkabb|(?:en )?magam|sajat magam)\\b.{0,20}\\b(?:megcsinalom|csinalom meg|megirom|irom meg|posztolom)\\b`,
      ),
    ],
  },
  {
    id: 'hu.distrust.mindent-ellenoriznem',
    label: 'distrust',
    all: [
      re(
        `\\bminden(?:t)?\\b.{0,25}\\b(?:at|le|meg|ujra) kell (?:\\w+ )?(?:neznem|ellenoriznem)\\b|\\bminden(?:t|\\w* lepes\\w*)?\\b.{0,25}\\b(?:ellenoriznem|atneznem|ujraellenoriznem|kontrollalnom|ellenorizni kell|ellenorzom|ellenorizni fogom|dupla(?:n)? ellenoriz\\w*)\\b|\\b(?:ellenoriznem|atneznem|kontrollalnom) kell (?:\\w+ )?minden\\w*|\\butanad\\b.{0,25}\\b(?:kell|javit\\w*|ellenoriz\\w*|nez\\w*)`,
      ),
    ],
  },
  {
    id: 'hu.distrust.nem-hiszem-hogy-tudod',
    label: 'distrust',
    all: [
      re(
        `\\b(?:nem hiszem|ketlem|nem vagyok biztos (?:benne|abban)|nem gondolom)\\b,? hogy .{0,30}\\b(?:tudod,? mit|tudjatok,? mit|tudja,? mit|kepes (?:vagy|lennel|lesz|lennetek)|meg tudod|meg tudja|meg tudjatok|erted|ertitek|erti|el tudod|hozzaerte?\\w*|ertesz hozza)`,
      ),
    ],
  },

  // —— urgency pressure ——
  {
    id: 'hu.urgency.azonnal',
    label: 'urgency_pressure',
    all: [re(`\\bazonnal\\w*|\\bhaladektalanul\\b|\\bmost rogton\\b|\\brogton\\b`)],
    unless: re(`${NOT_URGENT}|${I_WILL_QUICKLY}`),
  },
  { id: 'hu.urgency.surgos', label: 'urgency_pressure', all: [re(`\\bsurgos\\w*|\\bsurget\\w*|\\basap\\b`)], unless: re(NOT_URGENT) },
  {
    id: 'hu.urgency.meg-ma',
    label: 'urgency_pressure',
    all: [
      re(
        `\\b(?:minel elobb|minel hamarabb|mielobb|meg ma|meg ma delig|oran belul|egy oran belul|percen belul|ebben a percben|nem var(?:hat|hatok|hatunk)|tovabb nem var\\w*|mar tegnap kellett volna|mar regen kesz kellett volna)\\b`,
      ),
    ],
    unless: re(`${NOT_URGENT}|${I_WILL_QUICKLY}`),
  },
  {
    id: 'hu.urgency.meg-mindig-varok',
    label: 'urgency_pressure',
    all: [
      re(
        `\\bmeg mindig var(?:ok|unk|om|juk)\\b|\\bmeg mindig nem (?:kaptam|kaptuk|jott|erkezett|lattam|lattuk|kuldted|kuldtetek)\\b|\\bmi tart (?:ennyi|ilyen) (?:ideig|sokaig)\\b|\\bmiert nincs (?:meg )?(?:kesz|fent|kint|meg)\\b|\\bmeddig kell meg varn\\w*|^(?:hol|mikor)\\b.{0,80}[?!]{2,}`,
      ),
    ],
  },
];
