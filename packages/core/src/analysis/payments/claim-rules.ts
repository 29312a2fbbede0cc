/**
 * The phrase rules behind payment claims. Every pattern runs on one folded sentence
 * (lower case, no accents, ASCII apostrophes; see dates/fold.ts) and uses only bounded
 * repetition, so matching stays linear in the sentence length.
 *
 * A rule names what the client says about *their* payment to us:
 *   paid     – it has happened ("we've paid", "payment sent", "átutaltam", remittance advice)
 *   promise  – it will happen ("I'll pay on Friday", "jövő héten utalom")
 *   dispute  – they refuse or contest it ("we won't pay for…", "hibás a számla", "vitatjuk")
 * The guards in claims.ts (questions, negation, conditions, someone else being paid) decide
 * whether a match counts.
 */
import type { PaymentClaimKind } from './types';

export interface ClaimRule {
  id: string;
  kind: PaymentClaimKind;
  pattern: RegExp;
  /** Only counts when the sentence talks about money (invoice, amount, fee, számla …). */
  needsMoneyContext?: boolean;
}

const S = '\\s{1,3}';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** Up to three words in between ("sent you the money", "elindítottam ma az utalást"). */
const GAP = "(?:\\s{1,3}[\\p{L}\\p{N}'-]{1,20}){0,3}?";

const EN_SUBJECT = `(?:i|we|our${S}(?:accountant|accounts${S}team|accounting(?:${S}team)?|finance(?:${S}team)?|bookkeeper|office|cfo|ceo|company|team|ap${S}team)|accounting|finance|the${S}accountant)`;
const EN_ADVERBS = `(?:${S}(?:just|already|now|finally|actually|also|today|yesterday|earlier|successfully|fully)){0,2}`;
const EN_MONEY = `(?:payments?|money|funds|transfer|bank${S}transfer|wire|remittance|(?:full${S}|total${S}|outstanding${S}|invoice${S})?amount|balance|sum|deposit|fees?|[€$£]\\s?\\d|\\d[\\d,. ]{0,12}\\s?(?:eur|huf|usd|gbp|chf|ft)${E})`;
const HU_MONEY =
  '(?:(?:at)?utalas[a-z]{0,4}|penz[a-z]{0,4}|osszeg[a-z]{0,4}|kifizetes[a-z]{0,4}|befizetes[a-z]{0,4}|dij[a-z]{0,4}|egyenleg[a-z]{0,4}|tartozas[a-z]{0,4}|szaml[a-z]{1,6})';

function rule(id: string, kind: PaymentClaimKind, source: string, needsMoneyContext = false): ClaimRule {
  return { id, kind, pattern: new RegExp(`${B}(?:${source})${E}`, 'gu'), needsMoneyContext };
}

export const claimRules: readonly ClaimRule[] = [
  // ---- disputes (checked first: they contain the words of the other kinds) ----
  rule(
    'en-refuse-to-pay',
    'dispute',
    `(?:we|i|our${S}company)(?:'re|'m|${S}are|${S}am|${S}will|'ll)?${S}(?:not${S}going${S}to|not|won't|will${S}not|refuse${S}to|are${S}not|aren't|am${S}not|cannot${S}accept|can't${S}accept|do${S}not${S}accept|don't${S}accept)${S}(?:be${S})?(?:pay(?:ing)?|settl(?:e|ing)|accept(?:ing)?${S}(?:this|the|your)${S}(?:invoice|bill|charge))`,
  ),
  rule('en-only-pay-for', 'dispute', `(?:we|i)(?:'ll|${S}will|${S}can)${S}only${S}pay${S}for`),
  rule(
    'en-invoice-wrong',
    'dispute',
    `(?:this|the|your|that)${S}(?:invoice|bill|amount|charge|total|fee|figure|sum)(?:${S}#?[a-z0-9/-]{1,20})?${S}(?:is|seems|looks|was|appears${S}to${S}be)${S}(?:clearly${S}|completely${S}|totally${S}|simply${S})?(?:wrong|incorrect|not${S}correct|not${S}right|inaccurate|too${S}high|excessive|inflated|a${S}mistake|in${S}error|way${S}off)`,
  ),
  rule(
    'en-error-in-invoice',
    'dispute',
    `(?:mistake|error|errors|discrepancy|discrepancies)${S}(?:in|on|with)${S}(?:the|your|this|that)${S}(?:invoice|bill|amount|charges?)`,
  ),
  rule(
    'en-we-dispute',
    'dispute',
    `(?:we|i)(?:${S}have${S}to|${S}must)?${S}(?:dispute|are${S}disputing|contest|challenge|reject|disagree${S}with|do${S}not${S}agree${S}with|don't${S}agree${S}with|never${S}agreed${S}to|didn't${S}agree${S}to|did${S}not${S}agree${S}to|never${S}approved|didn't${S}approve|did${S}not${S}approve|didn't${S}order|did${S}not${S}order|never${S}ordered|never${S}asked${S}for|didn't${S}ask${S}for)`,
    true,
  ),
  rule(
    'en-overcharged',
    'dispute',
    `(?:we|i)${S}(?:were|was|have${S}been|got|'ve${S}been)${S}(?:overcharged|charged${S}twice|double[- ]?charged|billed${S}twice|invoiced${S}twice)`,
  ),
  rule('en-do-not-owe', 'dispute', `(?:we|i)${S}(?:do${S}not|don't)${S}owe`),
  rule('en-not-what-agreed', 'dispute', `not${S}what${S}we${S}(?:agreed|discussed|signed)`, true),
  rule(
    'en-corrected-invoice',
    'dispute',
    `(?:issue|send|need)(?:${S}us|${S}me)?${S}(?:a${S})?(?:corrected|revised|credit${S}note|amended)(?:${S}invoice)?`,
  ),
  rule(
    'hu-refuse-to-pay',
    'dispute',
    `nem${S}(?:fizet(?:juk|em|unk|ek)(?:${S}ki)?|fog(?:juk|om|unk|ok)${S}(?:ki)?fizetni|fog(?:juk|om)${S}(?:at|el)?utalni|utal(?:juk|unk|om|ok)(?:${S}(?:at|el))?|vagyunk${S}hajlandoak${S}(?:ki)?fizetni|vagyok${S}hajlando${S}(?:ki)?fizetni)`,
  ),
  rule('hu-dispute-verb', 'dispute', `vitat(?:juk|om|ni|ott|tuk)`, true),
  rule(
    'hu-invoice-wrong',
    'dispute',
    `(?:(?:a|az${S}on|az${S}onok|ez${S}a)${S})?(?:szamla|osszeg|vegosszeg|dij)(?:${S}is)?${S}(?:hibas|rossz|teves|nem${S}(?:jo|helyes|stimmel|korrekt|megfelelo|valos)|tul${S}magas|eltulzott)`,
  ),
  rule(
    'hu-wrong-invoice',
    'dispute',
    `(?:hibas|rossz|teves|tulzott|eltulzott|tul${S}magas|nem${S}stimmel)${S}(?:a${S}|az${S})?(?:szamla|osszeg|vegosszeg|dij|ar)`,
  ),
  rule(
    'hu-error-in-invoice',
    'dispute',
    `(?:hiba|tevedes|elteres)${S}van${S}a${S}(?:szamlaban|szamlan|szamla${S}osszegeben|vegosszegben)|a${S}szamlaban${S}(?:hiba|tevedes)`,
  ),
  rule('hu-not-agreed', 'dispute', `nem${S}(?:ebben|ennyiben|erre)${S}(?:allapodtunk|egyeztunk|szerzodtunk)`),
  rule('hu-did-not-order', 'dispute', `(?:ezt${S})?nem${S}(?:rendeltuk|kertuk|rendeltem|kertem)${S}meg`, true),
  rule('hu-do-not-owe', 'dispute', `nem${S}tartoz(?:unk|om)`),
  rule(
    'hu-corrected-invoice',
    'dispute',
    `(?:javitott|helyesbito|modositott|sztorno)${S}szamla[a-z]{0,3}|szamla${S}(?:javitasat|modositasat|sztornozasat|sztornojat)|sztornoz(?:zak|za|zatok|d)`,
  ),
  rule('hu-double-billed', 'dispute', `ketszer${S}(?:szamlaztatok|szamlaztak|szamlazta|lett${S}(?:ki)?szamlazva)`),

  // ---- payments made ----
  rule('en-we-paid', 'paid', `${EN_SUBJECT}(?:'ve|${S}have|${S}has|${S}had)?${EN_ADVERBS}${S}(?:paid|settled|cleared)`),
  rule(
    'en-we-transferred',
    'paid',
    `${EN_SUBJECT}(?:'ve|${S}have|${S}has|${S}had)?${EN_ADVERBS}${S}(?:transferred|wired|remitted)(?:${S}(?:over|across))?(?:${GAP}${S}${EN_MONEY}|${S}it|${S}(?:to|into)${S}your${S}(?:bank${S})?account)`,
  ),
  rule(
    'en-we-sent-payment',
    'paid',
    `${EN_SUBJECT}(?:'ve|${S}have|${S}has|${S}had)?${EN_ADVERBS}${S}(?:sent|made|processed|initiated|completed|released|submitted|executed|authori[sz]ed|pushed)(?:${S}(?:over|off|out|through))?${GAP}${S}${EN_MONEY}`,
  ),
  rule(
    'en-payment-was-made',
    'paid',
    `(?:(?:the|your|our|my|this|that)${S})?(?:invoice|bill|balance|amount|outstanding${S}amount|sum)(?:${S}#?[a-z0-9/-]{1,20})?(?:${S}(?:has|have|had|was|were|is|got)${S}(?:been${S})?|${S}is${S}now${S}|${S}got${S})(?:just${S}|already${S}|now${S}|finally${S}|fully${S}|all${S})?(?:paid|settled|cleared)`,
  ),
  rule(
    'en-payment-was-sent',
    'paid',
    `(?:the|your|our|my|this|that|a)?\\s{0,3}(?:payment|transfer|bank${S}transfer|wire|money|funds|remittance)(?:'s${S}been${S}|${S}(?:has|have|had|was|were|is|got)${S}(?:been${S})?|${S})(?:just${S}|already${S}|now${S}|finally${S}|successfully${S})?(?:sent|made|transferred|processed|initiated|released|wired|completed|executed|paid|done|submitted)`,
  ),
  rule(
    'en-payment-on-its-way',
    'paid',
    `(?:payment|transfer|money|funds|wire)(?:${S}for${GAP})?${S}(?:is|should${S}be|has${S}gone|went)${S}(?:on${S}its${S}way|on${S}the${S}way|out|through|in${S}your${S}account)`,
  ),
  rule(
    'en-remittance',
    'paid',
    `(?:remittance${S}advice|proof${S}of${S}payment|payment${S}(?:confirmation|receipt)|transfer${S}confirmation|confirmation${S}of${S}(?:the${S})?(?:payment|transfer))`,
  ),
  rule(
    'en-just-paid',
    'paid',
    `^(?:just|already|have${S}just)${S}(?:paid|settled|(?:wired|transferred|sent)(?:${GAP}${S}${EN_MONEY}|${S}it))`,
  ),
  rule(
    'en-paid-alone',
    'paid',
    `^(?:(?:all|now|invoice|just)${S})?(?:paid|settled)(?:${S}in${S}full)?(?=\\s{0,3}(?:[.!,;]|$|-|thanks|thank))`,
  ),
  rule('hu-paid-verb', 'paid', `(?:at|el|be|ki)?utalt(?:am|uk|a|ak)`),
  rule('hu-paid-fizet', 'paid', `(?:ki|be|meg)?fizett(?:em|uk|e|ek)`),
  rule(
    'hu-paid-settled',
    'paid',
    `(?:rendezt|teljesitett)(?:em|uk|e|ek)${GAP}${S}${HU_MONEY}|${HU_MONEY}${GAP}${S}(?:rendezt|teljesitett)(?:em|uk|e|ek)`,
  ),
  rule(
    'hu-paid-started',
    'paid',
    `(?:el)?(?:inditott|kuldt)(?:am|em|uk|a|e|ak|ek)${GAP}${S}(?:at)?utalas[a-z]{0,3}|(?:at)?utalas[a-z]{0,3}${GAP}${S}(?:el)?(?:inditott|kuldt)(?:am|em|uk)|(?:at)?utalas${S}(?:elinditva|elkuldve|elindult|elment|megtortent|teljesult|folyamatban${S}van|uton${S}van)`,
  ),
  rule(
    'hu-paid-state',
    'paid',
    `(?:ki${S}(?:van|lett)${S}fizetve|(?:at|el)${S}(?:van|lett)${S}utalva|megtortent${S}az?${S}(?:at)?utalas|megtortent${S}a${S}kifizetes|kifizetve|atutalva|elutalva|rendezve)`,
  ),
  rule(
    'hu-remittance',
    'paid',
    `(?:(?:at)?utalasi|fizetesi|befizetesi|banki|terhelesi)${S}(?:ertesito|igazolas|visszaigazolas|bizonylat|megbizas)[a-z]{0,4}|(?:at)?utalas[a-z]{0,5}${S}(?:igazol|bizonylat|visszaigazol)[a-z]{0,8}`,
  ),

  // ---- promises ----
  rule(
    'en-will-pay',
    'promise',
    `${EN_SUBJECT}(?:'ll|${S}will|${S}shall|'re${S}going${S}to|'m${S}going${S}to|${S}are${S}going${S}to|${S}am${S}going${S}to|${S}plan${S}to|${S}intend${S}to|${S}expect${S}to|${S}are${S}planning${S}to|${S}will${S}be${S}able${S}to|${S}should${S}be${S}able${S}to|${S}can|${S}promise${S}to|${S}aim${S}to|'ll${S}try${S}to|${S}will${S}try${S}to)(?:${S}(?:definitely|certainly|surely|then|also|just|be${S}able${S}to)){0,2}${S}(?:pay|settle|clear)`,
  ),
  rule(
    'en-will-transfer',
    'promise',
    `${EN_SUBJECT}(?:'ll|${S}will|${S}shall|'re${S}going${S}to|'m${S}going${S}to|${S}are${S}going${S}to|${S}am${S}going${S}to|${S}plan${S}to|${S}can|${S}will${S}be${S}able${S}to)(?:${S}(?:definitely|certainly|then|also|just)){0,2}${S}(?:transfer|wire|send|make|process|initiate|release|arrange|schedule|remit|get)(?:${S}(?:over|off|out|through))?(?:${GAP}${S}${EN_MONEY}|${S}it${S}(?:over|across|paid|sorted|settled|processed))`,
  ),
  rule(
    'en-will-transfer-it',
    'promise',
    `${EN_SUBJECT}(?:'ll|${S}will|'re${S}going${S}to|${S}are${S}going${S}to)${S}(?:transfer|wire)${S}(?:it|that|the${S}rest)`,
  ),
  rule(
    'en-paying-soon',
    'promise',
    `(?:i'm|we're|i${S}am|we${S}are)${S}(?:paying|transferring|settling|processing${S}(?:the${S})?payment|sending${S}(?:the${S}|you${S}the${S})?(?:payment|money|funds))`,
  ),
  rule(
    'en-will-be-paid',
    'promise',
    `(?:(?:the|your|our|this|that)${S})?(?:invoice|payment|transfer|money|funds|balance|amount|remaining${S}amount|rest|it|bill)(?:${S}#?[a-z0-9/-]{1,20})?${S}(?:will|should|is${S}going${S}to|is${S}scheduled${S}to|is${S}due${S}to|'ll)${S}(?:be${S}(?:paid|settled|sent|transferred|processed|released|made|wired|cleared|with${S}you|in${S}your${S}account)|go${S}out|arrive|reach${S}you|hit${S}your${S}account|land|clear)`,
  ),
  rule(
    'en-payment-scheduled',
    'promise',
    `(?:payment|transfer|wire)${S}(?:is${S}|has${S}been${S})?(?:scheduled|planned|booked|queued|set${S}up|coming)|scheduled${S}(?:the|a|your)${S}(?:payment|transfer)`,
  ),
  rule(
    'en-you-will-receive',
    'promise',
    `you(?:'ll|${S}will|${S}should)${S}(?:receive|get|have|see)${S}(?:the${S}|your${S}|our${S})?(?:payment|money|funds|transfer|remittance)`,
  ),
  rule(
    'en-make-sure-paid',
    'promise',
    `(?:make${S}sure|ensure)${S}(?:that${S})?(?:it|this|the${S}invoice|your${S}invoice|the${S}payment|you)${S}(?:gets?|is|are)${S}(?:paid|settled|processed|sent)`,
  ),
  rule(
    'hu-will-transfer',
    'promise',
    `(?:at|el)?utal(?:om|juk|ok|unk)|(?:at|el)?utalni${S}fog(?:om|juk|ok|unk)|fog(?:om|juk|ok|unk)${S}(?:at|el)?utalni`,
  ),
  rule(
    'hu-will-pay',
    'promise',
    `(?:ki|be)?fizet(?:em|juk|ek|unk)|(?:ki)?fizetni${S}fog(?:om|juk|ok|unk)|(?:ki${S})?fog(?:om|juk|ok|unk)${S}(?:ki)?fizetni`,
  ),
  rule('hu-will-settle', 'promise', `rendez(?:em|zuk|ni${S}fog(?:om|juk))${GAP}${S}${HU_MONEY}|${HU_MONEY}${GAP}${S}rendez(?:em|zuk)`),
  rule(
    'hu-will-start-transfer',
    'promise',
    `(?:el)?(?:indit|kuld)(?:om|juk)${GAP}${S}(?:at)?utalast|(?:at)?utalast${GAP}${S}(?:el)?(?:indit|kuld)(?:om|juk)`,
  ),
  rule(
    'hu-transfer-coming',
    'promise',
    `(?:megy|indul|erkezik|megerkezik)${S}az?${S}(?:at)?(?:utalas|penz|osszeg)|az?${S}(?:at)?(?:utalas|penz|osszeg)${S}(?:megy|indul|erkezik|megerkezik)|(?:ki${S}lesz${S}fizetve|at${S}lesz${S}utalva|utalva${S}lesz|kifizetesre${S}kerul)`,
  ),
];

/** Words that put a sentence about money at all (for rules that are ambiguous without it). */
export const moneyContext = new RegExp(
  `${B}(?:invoices?|bill|billed|charges?|charged|amounts?|fees?|payments?|pay|paying|hours|rates?|price|prices|cost|costs|quote|szaml[a-z]{0,8}|dijbekero[a-z]{0,3}|osszeg[a-z]{0,6}|dij[a-z]{0,6}|oradij[a-z]{0,4}|ar[a-z]?|arat|koltseg[a-z]{0,6}|tetel[a-z]{0,6}|fizet[a-z]{0,8}|utal[a-z]{0,8}|[€$£]|eur|huf|ft)${E}|[€$£]`,
  'u',
);
