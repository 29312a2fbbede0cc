import { anyOf, type PhraseRule, re } from './rule';
import type { AbuseSeverity } from './types';

/**
 * English abuse rules over folded sentences with quoted spans blanked (detect-abuse.ts).
 * Abuse here is aimed at the operator or their work: "you idiot", "your work is garbage",
 * "I'll ruin your reputation", "fuck you". Frustration ("this is frustrating"), swearing at the
 * world ("this fucking printer", "holy shit, love it") and slang praise ("killer content") are
 * not abuse, so every rule needs a target: you / your / the work they sent.
 */

const INSULT_NOUN = anyOf(
  'idiot',
  'moron',
  'imbecile',
  'cretin',
  'clown',
  'fool',
  'amateur',
  'fraud',
  'scammer',
  'con artist',
  'conman',
  'liar',
  'loser',
  'joke',
  'disgrace',
  'embarrassment',
  'muppet',
  'halfwit',
  'dimwit',
  'nitwit',
  'dumbass',
  'jackass',
  'asshole',
  'arsehole',
  'dickhead',
  'prick',
  'bastard',
  'jerk',
  'parasite',
  'leech',
  'charlatan',
  'twat',
  'cunt',
  'bitch',
  'wanker',
  'tosser',
  'pillock',
  'numpty',
  'thief',
  'crook',
  'waste of (?:space|money|time|oxygen)',
  'piece of (?:shit|crap|garbage|trash|work)',
);
const INSULT_ADJECTIVE = anyOf(
  'stupid',
  'dumb',
  'useless',
  'incompetent',
  'pathetic',
  'worthless',
  'clueless',
  'hopeless',
  'brainless',
  'retarded',
  'lazy',
  'thick(?!-)',
  'dense',
  'moronic',
  'idiotic',
  'brain-?dead',
  'illiterate',
  'a (?:total |complete )?waste',
);
const INTENSIFIERS = `(?: (?:such|so|a|an|the|most|complete|completely|absolute|absolutely|total|totally|utter|utterly|really|truly|just|clearly|obviously|simply|literally|fucking|fuckin|bloody|damn|effing|freaking|f\\*+ing|being|incredibly|unbelievably|beyond|bunch of|pack of|band of|genuinely|officially|certified|proper)){0,4}`;
const WORK_IS_BAD = anyOf(
  'garbage',
  'trash',
  'rubbish',
  'crap',
  'shit',
  'shite',
  'dogshit',
  'horseshit',
  'bullshit',
  'junk',
  'pathetic',
  'worthless',
  'useless',
  'a joke',
  'a disgrace',
  'an embarrassment',
  'embarrassing',
  'amateurish',
  'amateur hour',
  'laughable',
  'a waste of (?:money|time)',
  'disgusting',
  'idiotic',
  'stupid',
  'moronic',
  'a dumpster fire',
  'a trainwreck',
  'a train wreck',
  'abysmal',
  'vomit',
);
const SWEAR_ADJECTIVE = anyOf(
  'fucking',
  'fuckin',
  'fkn',
  'f\\*+ing',
  'f\\*+in',
  'shitty',
  'shite',
  'crappy',
  'goddamn',
  'goddamned',
  'effing',
  'damned',
  'bloody',
  'piece of shit',
  'sorry ass',
  'shit',
);
const PRAISE_AFTER = `(?: (?:legend|genius|star|hero|beauty|beast|rockstar|wizard|champ|champion|nailed|rock|killed it|smashed it|did it|are amazing|are the best|good|great|amazing|awesome|brilliant|fantastic|love|lovely|gorgeous|beautiful|perfect|incredible|unreal|stunning))`;

export const EN_ABUSE_RULES: readonly PhraseRule<AbuseSeverity>[] = [
  // —— threats: harm, legal action, public shaming ——
  {
    id: 'en.threat.harm-you',
    label: 'threat',
    all: [
      re(
        `\\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| shall|'m gonna| am gonna| are gonna|'re gonna| would| could| can| swear i'll)(?: \\w+){0,2}? (?:sue|destroy|ruin|expose|kill|hurt|bury|crush|come after|hunt down|smash|wreck|finish|beat up|punch|strangle|murder|slap|make an example of|blacklist) (?:you(?:r (?:life|career|reputation|business|name|company|agency|livelihood|family))?|u)\\b(?! (?:guys )?(?:a|the|some|an|with|on|at)\\b)`,
      ),
    ],
  },
  {
    id: 'en.threat.legal',
    label: 'threat',
    all: [
      re(
        `\\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to|'m gonna| shall| are)(?: \\w+)?? (?:sue\\b|take (?:legal action|this to court|you to court|this further legally)|be taking legal action|taking legal action|call (?:my|our) lawyers?|get (?:my|our) lawyers? (?:involved|on)|report you\\b(?! (?:the|on))|see you in court|press charges)|\\bsee you in court\\b|\\b(?:my|our) lawyers? will (?:be in touch|contact you|destroy|deal)\\b`,
      ),
    ],
  },
  {
    id: 'en.threat.regret',
    label: 'threat',
    all: [
      re(
        `\\byou(?:'ll| will| are going to|'re going to|'re gonna) (?:(?:really|so|definitely|seriously|soon) )?(?:regret (?:this|it|that|the day)|pay for (?:this|it|that)|be sorry)\\b|\\bwatch your back\\b|\\bi know where you (?:live|work)\\b|\\byou(?:'d| had) better watch (?:out|yourself|your back)\\b|\\bor else[.!?]*$|\\byou(?:'ll| will) never work (?:again|in this (?:town|industry|business))\\b|\\bmake sure (?:you|nobody|no one)\\b.{0,30}\\b(?:never|ever) (?:work|hire|hires|works)\\b|\\bthis (?:isn't|is not) over\\b|\\bsee what happens\\b.{0,10}\\b(?:to you|to your|next)\\b`,
      ),
    ],
  },
  {
    id: 'en.threat.public-shaming',
    label: 'threat',
    all: [
      re(
        `\\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to|'m gonna| shall| would)\\b.{0,25}\\b(?:(?:leave|write|post|give|put up)\\b.{0,20}\\b(?:bad|negative|1-star|one-star|one star|1 star|terrible|scathing|awful|horrible|brutal|honest)\\b.{0,15}\\breviews?|(?:tell|warn|let) (?:everyone|everybody|all my (?:friends|contacts|network|followers)|the whole (?:world|internet|industry)|people|the world)\\b.{0,30}\\b(?:about you|what you|how (?:bad|useless|incompetent|terrible)|you(?:'re| are)|what kind of)|make sure (?:everyone|everybody|the whole \\w+|all (?:my|our) \\w+|people)\\b.{0,30}\\b(?:knows?|hears?|finds? out|sees?|learns?)\\b|(?:post|write|share|put) (?:something )?(?:about you|about this|about your \\w+|your name)|(?:name and shame|expose|drag) you(?:r name)?)\\b`,
      ),
    ],
  },

  // —— insults ——
  {
    id: 'en.insult.you-are',
    label: 'insult',
    all: [
      re(
        `\\byou(?:'re| are|re| r| guys are| people are| lot are| two are| all are)\\b${INTENSIFIERS} (?:${INSULT_NOUN}|${INSULT_ADJECTIVE})s?\\b`,
      ),
    ],
  },
  {
    id: 'en.insult.you-idiot',
    label: 'insult',
    all: [
      re(
        `\\byou (?:(?:stupid|useless|incompetent|fucking|fuckin|bloody|absolute|complete|utter|lazy|pathetic|lying|little|brainless|clueless|f\\*+ing|worthless|freaking|effing|damn|total|thieving|greedy|scamming|amateur) ){0,3}(?:idiot|moron|imbecile|cretin|clown|fool|amateur|fraud|scammer|liar|loser|muppet|halfwit|dimwit|nitwit|dumbass|jackass|asshole|arsehole|dickhead|prick|bastard|jerk|parasite|charlatan|twat|cunt|bitch|wanker|tosser|pillock|numpty|thief|crook|piece of (?:shit|crap|garbage|trash)|incompetent)s?\\b(?! (?:me|us|around|proof)\\b)`,
      ),
    ],
  },
  {
    id: 'en.insult.are-you-stupid',
    label: 'insult',
    all: [
      re(
        `\\bare you (?:(?:really|just|completely|totally|fucking|that|so|this|being|actually|seriously|an|a|deliberately|intentionally|purposely|genuinely|simply|honestly|even|always) ){0,3}(?:stupid|dumb|thick|dense|an idiot|idiot|a moron|moron|an imbecile|incompetent|retarded|brain-?dead|blind|illiterate|mental|insane|an amateur)\\b|\\bhow (?:stupid|dumb|incompetent|useless|thick|dense|lazy|clueless) (?:are|can|could) you\\b|\\bwhat (?:kind|sort) of (?:an? )?(?:idiot|moron|amateur|clown|fool|incompetent)\\b`,
      ),
    ],
  },
  {
    id: 'en.insult.your-work-is-garbage',
    label: 'insult',
    all: [
      re(
        `\\b(?:your|ur)(?: \\w+){1,2}? (?:is|are|was|were|looks?|reads?|seems?|feels?)\\b(?: (?:such|so|complete|completely|absolute|absolutely|total|totally|utter|utterly|really|just|pure|fucking|bloody|damn|a pile of|a load of|a bunch of|a heap of|a steaming pile of|like)){0,3}? ${WORK_IS_BAD}\\b`,
      ),
    ],
  },
  {
    id: 'en.insult.this-is-garbage',
    label: 'insult',
    all: [
      re(
        `\\b(?:this|that|it|what you (?:sent|did|delivered|wrote|made|produced|call \\w+)|the (?:work|design|copy|draft|result|stuff|thing|rubbish) you (?:sent|did|delivered|made|wrote))(?:'s| is| was| looks| reads)(?: (?:such|so|complete|completely|absolute|absolutely|total|totally|utter|utterly|really|just|pure|fucking|bloody|a pile of|a load of|a bunch of|a heap of|a steaming pile of|like)){0,3} (?:garbage|trash|rubbish|crap|shit|shite|dogshit|horseshit|a disgrace|an embarrassment|amateur hour|laughable|pathetic|worthless|idiotic|moronic|junk|vomit|a dumpster fire|a trainwreck)\\b(?! (?:weather|luck|timing|news|traffic|wifi|internet|connection|printer|laptop|day|week|service|app|airline)\\b)`,
      ),
    ],
    unless: re(`\\b(?:not|isn't|wasn't|never|no way)\\b.{0,10}\\b(?:garbage|trash|rubbish|crap|shit)\\b`),
  },
  {
    id: 'en.insult.a-child-could-do-better',
    label: 'insult',
    all: [
      re(
        `\\b(?:a|my) (?:monkey|child|kid|5-year-old|five-year-old|toddler|dog|cat|grandma|grandmother|nan|intern|chimp|trained monkey|6-year-old|six-year-old)\\b.{0,12}\\b(?:could|would|can) (?:do|have done|make|write|design|draw)(?: \\w+)? better\\b|\\b(?:like|as if) (?:it was|it were|they were|this was|you were) (?:written|designed|made|done|drawn|put together|edited) by an? (?:child|kid|toddler|monkey|chimp|5-year-old|five-year-old|6-year-old|intern|amateur|drunk)\\b`,
      ),
    ],
  },
  {
    id: 'en.insult.do-your-job',
    label: 'insult',
    all: [
      re(
        `\\blearn (?:how )?to do your (?:fucking |bloody |damn )?job\\b|\\bdo your (?:fucking|bloody|damn|goddamn|effing|freaking) job\\b|\\bwhat (?:an?|a complete|a total|an absolute|an utter) (?:idiot|moron|imbecile|amateur|clown|loser|fool|incompetent|fraud|liar|scammer|waste of (?:money|space|time))\\b|\\bshut (?:up and|your (?:mouth|face|trap|pie ?hole))\\b|\\byou(?:'re| are) (?:a |an )?(?:total |complete |absolute )?waste of (?:money|space|time|oxygen)\\b|\\byour (?:stupid|dumb|idiotic|useless|lazy|pathetic|incompetent|worthless|moronic) (?:\\w+)`,
      ),
    ],
  },

  // —— profanity aimed at the operator ——
  {
    id: 'en.profanity.fuck-you',
    label: 'profanity',
    all: [
      re(
        `\\b(?:fuck|f\\*+k|f\\*+|fck|fk|screw|damn|bugger|sod) (?:you|u|off|yourself|yourselves|your \\w+|this agency|you guys|ya)\\b|\\bgo (?:fuck|screw|f\\*+k|fck) (?:yourself|yourselves)\\b|\\b(?:piss|bugger|sod) off\\b|\\bgo to hell\\b|\\bkiss my (?:ass|arse)\\b|\\beat (?:shit|a dick|my (?:ass|arse|shorts))\\b|\\bstfu\\b|\\bgtfo\\b|\\bup yours\\b|\\bshove (?:it|this|that|your [\\w-]+(?: [\\w-]+)?) up your (?:arse|ass)\\b|\\bstick (?:it|this|that|your [\\w-]+(?: [\\w-]+)?) up your (?:arse|ass)\\b|\\bbite me\\b|\\bshut the (?:fuck|f\\*+k|hell) up\\b`,
      ),
    ],
  },
  {
    id: 'en.profanity.what-the-fuck',
    label: 'profanity',
    all: [
      re(
        `\\bwhat the (?:fuck|f\\*+k|f\\*+|fck|hell) (?:is (?:wrong with you|this|that)|are you (?:doing|thinking|on about)|were you (?:thinking|doing)|have you (?:done|sent)|did you (?:do|send|think)|is your problem|do you (?:think|want))\\b|\\bwtf (?:is (?:this|that|wrong with you)|are you|were you|did you|have you)\\b`,
      ),
    ],
  },
  {
    id: 'en.profanity.your-fucking',
    label: 'profanity',
    all: [re(`\\b(?:your|ur) ${SWEAR_ADJECTIVE} \\w+`)],
    unless: re(`\\b(?:your|ur) ${SWEAR_ADJECTIVE}${PRAISE_AFTER}`),
  },
  {
    id: 'en.profanity.you-fucking',
    label: 'profanity',
    all: [re(`\\byou (?:fucking|fuckin|fkn|f\\*+ing|goddamn) \\w+`)],
    unless: re(`\\byou (?:fucking|fuckin|fkn|f\\*+ing|goddamn)${PRAISE_AFTER}`),
  },
  {
    id: 'en.profanity.fucking-amateurs',
    label: 'profanity',
    all: [
      re(
        `\\b(?:fucking|fuckin|fkn|f\\*+ing|goddamn|bloody) (?:idiots?|morons?|amateurs?|clowns?|incompetents?|agency|agencies|freelancers?|designers?|developers?|marketers?|copywriters?)\\b`,
      ),
    ],
  },
];
