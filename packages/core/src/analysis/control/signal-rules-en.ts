import { anyOf, type PhraseRule, re } from './rule';
import type { ControlSignalKind } from './types';

/**
 * English control-signal rules, matched against folded sentences (lower-case, no accents,
 * straight apostrophes). Order matters only for which rule id is reported when several of the
 * same kind match: the more specific rule comes first.
 *
 * Where the approval line is drawn: a sentence is an approval demand when the client makes
 * publishing wait for their own sign-off ("before it goes out", "without my OK", "until I've
 * seen it", "first"), claims sign-off over every single item ("every post", "each caption",
 * "everything"), or sets that as a standing rule ("from now on …"). Asking to see one
 * deliverable at a normal milestone ("send me the final contract to approve") has none of
 * these and is not a signal; neither is a batch ("all the March posts"), which is the process
 * firmly proposes instead.
 */

/** Things an operator publishes for the client (not material the client sends, not invoices). */
const PUBLISHABLE = anyOf(
  'posts?',
  'tweets?',
  'stor(?:y|ies)',
  'captions?',
  'reels?',
  'videos?',
  'graphics?',
  'banners?',
  'ads?',
  'adverts?',
  'newsletters?',
  'blog ?posts?',
  'articles?',
  'drafts?',
  'designs?',
  'visuals?',
  'creatives?',
  'pieces? of content',
  'content',
  'copy',
  'comments?',
  'repl(?:y|ies)',
  'headlines?',
  'hashtags?',
  'changes?',
  'edits?',
  'words?',
  'mockups?',
  'layouts?',
  'pages?',
  'slides?',
  'emails?',
  'e-mails?',
);

/** Per-item quantifiers. "All the posts" is deliberately missing: a batch is the healthy process. */
const PER_ITEM = `\\b(?:(?:every|each)(?: and every| single)? (?:one of (?:the|your|our) )?${PUBLISHABLE}\\b|everything\\b|every single thing\\b|anything\\b|one by one\\b|one at a time\\b|individually\\b)`;

/** The client wants to see, approve or check something themselves (a demand, not a report). */
const WANT_TO_APPROVE = `\\b(?:(?:i|we)(?: |'d |'ll )(?:(?:really|absolutely|still|also|always) )?(?:want|need|have|must|would like|like|expect|insist on|require|will need|should|wanna|get)(?: you)?(?: to)? (?:(?:personally|always|first|also) )?(?:see|approve|review|check|sign off|ok|okay|vet|look at|read|proofread|have a look at|take a look at|go through|be the one)|make sure (?:i|we) (?:see|approve|review|check|sign off|ok|okay|get to see)|(?:needs?|must|has to|have to|should|requires?|goes?|go|gets?|get|without) .{0,25}\\b(?:my|our) (?:approval|ok|okay|sign-?off|go-?ahead|green light|say-?so|permission|consent|blessing)|(?:needs?|must|has to|have to|should|to) be (?:approved|signed off|checked|reviewed|seen|vetted|cleared|ok'?d|okayed)(?: by (?:me|us))?|(?:go|goes|pass|passes|come|comes|run|runs) (?:\\w+ )?(?:through|via|past|by) (?:me|us)\\b|(?:i|we) (?:have|get|want|keep) the (?:final|last) (?:say|word)|(?:i|we)(?: |'d |'ll )(?:want|need|have|get|keep|expect|require|insist on|reserve) (?:the )?(?:final|personal|last) (?:approval|say|sign-?off|word|veto)|(?:has|have|needs?|must|should) to (?:come|go|pass|run) (?:to|through|past|by|via) (?:me|us)\\b|(?:i|we)(?:'ll| will) (?:be the one to |personally )?(?:approve|sign off on) (?:every|each))`;

/** Send or show it to the client, or run it by them. */
const SEND_TO_ME = `\\b(?:send|show|forward|run|bring|pass|email|e-mail|share)\\b.{0,25}\\b(?:to |by |past |with )?(?:me|us)\\b`;

/** The moment of publishing that the client wants to gate. */
const BEFORE_PUBLISHING = `\\b(?:before|prior to) (?:(?:it|they|anything|something|any \\w+|the \\w+|this|that|these|those|posts?|you|we|a \\w+|each \\w+|every \\w+) (?:\\w+ )?(?:goes?|go|gets?|get|is|are|will be|being|hits?) ?(?:out|live|posted|published|sent|scheduled|up|online|public|the feed|on (?:the |our |my )?(?:page|feed|site|website|blog|account|channel|instagram|facebook|linkedin|tiktok|socials?|grid))|(?:you|we) (?:post|publish|send|schedule|hit send|go live|upload|share)|(?:posting|publishing|sending|scheduling|going (?:out|live)|uploading))\\b`;

const NEGATED_PUBLISH = `\\b(?:nothing|no (?:post|tweet|content|story|ad|email|newsletter)s?|don't|do not|dont|never|not a single|not one|shouldn't|should not|mustn't|must not|can't|cannot)\\b`;
const UNTIL_I_APPROVE = `\\b(?:without|until|unless|till|before) (?:my|our|i|i've|i have|i've personally|we|we've|we have|me|us)\\b.{0,25}\\b(?:approv\\w*|ok|okay|ok'?d|okayed|sign(?:ed)?[ -]?off|go-?ahead|green light|say-?so|say so|permission|consent|seen|see|seeing|look(?:ed)? at|check(?:ed)?|review(?:ed)?|read|blessing)\\b|\\b(?:i|we) (?:haven't|have not|didn't|did not) (?:personally )?(?:seen|approved|signed off|checked|reviewed|ok'?d|okayed)\\b`;

const STANDING = `\\b(?:from now on|going forward|in (?:the )?future|moving forward|from today|from here on|henceforth|every time|each time|whenever you|always)\\b`;
const FIRST = `\\b(?:see|approve|review|check|sign off on|ok|okay|look at|read)\\b.{0,30}\\bfirst\\b`;

const REQUEST_OPENERS = `(?:(?:ok(?:ay)?|also|and|but|so|then|oh|hi|hey|one more thing|one last thing|lastly|finally|pls|plz|please|kindly|just|maybe|can you|could you|would you|will you|would you mind|can we|could we|let's|lets|i'd like you to|i would like you to|we need to|we need you to|i need you to|you need to|you should|you must|need you to|we'd like you to|you'll need to|i want you to|we want you to)[\\s,:-]+){0,3}`;
/** Verbs that, asked for, always mean changing the work. */
const STRONG_CHANGE_VERB = anyOf(
  'change',
  'revise',
  're-?do',
  're-?work',
  're-?write',
  'edit',
  'fix',
  'modify',
  'adjust',
  'amend',
  'alter',
  'tweak',
  'swap',
  'replace',
  'correct',
  're-?word',
  'rephrase',
  'shorten',
  'lengthen',
  'trim',
  'resize',
  'recolou?r',
  'enlarge',
  'tone down',
  'simplify',
  'crop',
  'redesign',
  'rearrange',
  'reorder',
  'restructure',
  'cut (?:it |them |this |that |the \\w+ )?down',
  'trim (?:it |them |this |that )?down',
);
/** Everyday verbs ("add Tricia to this email", "use this link", "move the meeting") count only with a piece of the work as object. */
const WEAK_CHANGE_VERB = anyOf(
  'update',
  'cut',
  'remove',
  'delete',
  'drop',
  'take out',
  'add',
  'move',
  'reduce',
  'increase',
  'use',
  'try',
  'switch',
  'put',
  'go with',
  'rotate',
  'flip',
  'make',
);
const WORK_ELEMENT = anyOf(
  'logo',
  'headlines?',
  'titles?',
  'headings?',
  'subtitles?',
  'captions?',
  'copy',
  'text',
  'intro',
  'outro',
  'paragraphs?',
  'sentences?',
  'lines?',
  'words?',
  'images?',
  'photos?',
  'pictures?',
  'graphics?',
  'banners?',
  'colou?rs?',
  'fonts?',
  'typeface',
  'background',
  'buttons?',
  'cta',
  'call to action',
  'hashtags?',
  'emojis?',
  'slides?',
  'sections?',
  'posts?',
  'story',
  'reels?',
  'videos?',
  'clips?',
  'music',
  'soundtrack',
  'tagline',
  'slogan',
  'layout',
  'design',
  'visuals?',
  'footer',
  'header',
  'icons?',
  'border',
  'shadow',
  'gradient',
  'filter',
  'prices?',
  'dates?',
  'quotes?',
  'bullets?',
  'chart',
  'template',
  'palette',
  'tone',
  'ending',
  'opening',
  'thumbnail',
  'cover',
  'carousel',
  'subject line',
  'signature',
  'animation',
  'transition',
  'mockup',
  'wording',
  'spacing',
  'margins?',
  'padding',
);
const CHANGE_VERB = `(?:${STRONG_CHANGE_VERB}\\b|${WEAK_CHANGE_VERB} (?:(?:in|back|out|up|down|on|off|over) )?(?:(?:the|this|that|a|an|our|my|your|those|these|some|more|one|another|its|their|all the|it|them) )?(?:[\\w'-]+ ){0,2}?${WORK_ELEMENT}\\b)`;
/** Requests that are not about changing the work, or thanks for changes already made. */
const NOT_A_CHANGE = `\\b(?:add|remove|update|cc|put) (?:me|us)\\b|\\bupdate (?:me|us|you)\\b|\\bfix (?:a|the|up a) (?:time|date|call|meeting|slot)\\b|\\bmake (?:sure|it to|it on|it at)\\b|\\bthanks?(?: you)? (?:so much |a lot )?for\\b|\\b(?:no|not|don't|do not|doesn't|never|nothing|no need to|without)\\b.{0,20}\\b(?:change|changes|changed|edit|edits|revise|revision|revisions|fix|tweak|tweaks|touch|adjust)\\b|\\b(?:use|try) (?:the )?(?:link|code|portal|button|form|password|invoice|app)\\b|\\bmove (?:the|our) (?:call|meeting|deadline|appointment)\\b|\\bmove on\\b|\\bdrop everything\\b|\\bdrop (?:me |us )?a (?:line|note|message|email)\\b|\\btry (?:to|and)\\b|\\bput (?:it|that|this) (?:in|into|on) (?:the|my|your|our) (?:calendar|diary)\\b|\\bchange of (?:plans?|heart|mind)\\b|\\bcut (?:a|the) (?:check|cheque)\\b`;

const COMPARATIVE = anyOf(
  'bigger',
  'smaller',
  'larger',
  'brighter',
  'darker',
  'lighter',
  'warmer',
  'cooler',
  'bolder',
  'thinner',
  'thicker',
  'wider',
  'narrower',
  'higher',
  'lower',
  'taller',
  'closer',
  'further',
  'farther',
  'softer',
  'sharper',
  'tighter',
  'looser',
  'louder',
  'quieter',
  'redder',
  'bluer',
  'greener',
  'heavier',
  'stronger',
  'weaker',
  'rounder',
  'smoother',
  'punchier',
  'more (?:saturated|muted|vivid|centred|centered|contrast|spacing|padding|margin|transparent|opaque|blue|red|green|yellow|orange|pink|purple|subtle)',
  'less (?:saturated|muted|vivid|contrast|spacing|padding|margin|transparent|opaque|bright|dark|bold|blue|red|green|yellow|orange|pink|purple)',
  '(?:more )?to the (?:left|right)',
);
const SLIGHTLY = `\\b(?:a (?:tiny |little |wee |teeny )?(?:bit|tad|touch|hair|smidge|smidgen|fraction|notch|shade|nudge)|slightly|just a little|a little|one shade|a shade|one notch|marginally|ever so slightly|barely)\\b`;
const PUNCTUATION = anyOf(
  'comma',
  'period',
  'full stop',
  'dot',
  'apostrophe',
  'hyphen',
  'dash',
  'en dash',
  'em dash',
  'space',
  'double space',
  'exclamation (?:mark|point)',
  'question mark',
  'semicolon',
  'colon',
  'capital letter',
  'capitals',
  'emoji',
  'typo',
  'quotation marks?',
  'quotes',
  'brackets?',
  'parenthes[ie]s',
  'word',
  'font size',
  'kerning',
  'line break',
);

const NOT_URGENT = `\\b(?:don't|do not|no|not) (?:need|want|have) to\\b.{0,40}\\b(?:right away|right now|immediately|asap)\\b|\\b(?:no rush|no hurry|not urgent|isn't urgent|is not urgent|not in a (?:rush|hurry)|take your time|whenever (?:you|it suits)|not asap|not a priority|no pressure)\\b`;
/** The client promising to do something quickly themselves is not pressure on the operator. */
const I_WILL_QUICKLY = `\\b(?:i|we)(?:'ll| will| can| shall|'m going to| am going to| plan to| intend to| hope to| aim to| expect to)\\b.{0,60}\\b(?:right (?:now|away)|immediately|asap|straight away)\\b`;

const I_WILL_BY_END_OF_DAY = `\\b(?:i|we)(?:'ll| will| can| shall|'m going to| am going to| plan to| intend to| hope to| aim to| expect to)\\b.{0,60}\\bby (?:end of|eod|cob|close)\\b`;

export const EN_SIGNAL_RULES: readonly PhraseRule<ControlSignalKind>[] = [
  // —— approval demands ——
  {
    id: 'en.approval.every-item',
    label: 'approval_demand',
    all: [re(PER_ITEM), re(WANT_TO_APPROVE)],
    unless: re(
      `\\b(?:everything|anything) (?:looks|is|was|seems|went|sounds|works|else)\\b|\\bthanks?(?: you)? for (?:everything|anything)\\b`,
    ),
  },
  {
    id: 'en.approval.every-item-sent-to-me',
    label: 'approval_demand',
    all: [re(`\\b(?:every|each)(?: and every| single)? (?:one of (?:the|your|our) )?${PUBLISHABLE}\\b`), re(SEND_TO_ME)],
  },
  {
    id: 'en.approval.nothing-without-my-ok',
    label: 'approval_demand',
    all: [re(NEGATED_PUBLISH), re(UNTIL_I_APPROVE)],
    unless: re(`\\b(?:invoice|payment|contract|purchase order|po number|quote)\\b`),
  },
  {
    id: 'en.approval.before-it-goes-out',
    label: 'approval_demand',
    all: [re(BEFORE_PUBLISHING), re(`${WANT_TO_APPROVE}|${SEND_TO_ME}|\\b(?:approv\\w*|sign[ -]?off|my ok|my okay)\\b`)],
  },
  {
    id: 'en.approval.standing-rule',
    label: 'approval_demand',
    all: [re(STANDING), re(`${WANT_TO_APPROVE}|\\brun (?:it|them|this|that|everything|anything|things)? ?(?:by|past) (?:me|us)\\b`)],
  },
  {
    id: 'en.approval.approve-first',
    label: 'approval_demand',
    all: [re(`\\b(?:i|we)(?: |'d |'ll )(?:need|have|must|want|will need|would like|like|insist on|get) to\\b`), re(FIRST)],
  },

  // —— tiny changes (checked before revisions; a tiny change is not also counted as a revision) ——
  {
    id: 'en.tiny.pixels',
    label: 'tiny_change',
    all: [
      re(
        `\\b\\d+(?:[.,]\\d+)? ?(?:px|pixels?|pt|mm)\\b|\\b(?:a couple of|a few|couple|few|some) (?:pixels|px|points|pt)\\b|\\b(?:one|a|half a|two) (?:pixel|px|pt)\\b|\\bfont(?: size)? (?:up |down )?(?:by )?(?:one|1|2|two|half a) ?(?:points?|pt|px|sizes?)?\\b`,
      ),
      re(
        `\\b(?:move|shift|nudge|increase|decrease|reduce|make|bump|push|pull|raise|lower|drop|change|set|resize|bigger|smaller|larger|left|right|up|down|higher|lower)\\b`,
      ),
    ],
  },
  {
    id: 'en.tiny.slightly',
    label: 'tiny_change',
    all: [re(`${SLIGHTLY} (?:more |less )?${COMPARATIVE}\\b`)],
    // "a bit higher than 25 %" compares numbers; it asks for nothing.
    unless: re(`\\bthan (?:\\d|expected|usual|last|before|average|normal|planned|forecast|we thought|i thought)`),
  },
  {
    id: 'en.tiny.punctuation',
    label: 'tiny_change',
    all: [
      re(
        `\\b(?:change|remove|add|replace|delete|swap|drop|insert|fix|put|move|lose|cut|capitali[sz]e|lowercase|uppercase)\\b (?:in )?(?:the|a|an|that|this|one|those|these)? ?(?:extra |missing |last |first |second |final |little |one )?${PUNCTUATION}\\b`,
      ),
    ],
    unless: re(`\\b(?:word (?:doc|document|file)|the word count)\\b`),
  },
  {
    id: 'en.tiny.missing-punctuation',
    label: 'tiny_change',
    all: [re(`\\b(?:missing|extra|stray|double|wrong|misplaced|unnecessary|superfluous) ${PUNCTUATION}\\b`)],
    unless: re(`\\b(?:wrong|missing|extra) (?:word (?:doc|document|file)|words? count)\\b`),
  },
  {
    id: 'en.tiny.minor-tweak',
    label: 'tiny_change',
    all: [
      re(
        `\\b(?:tiny|teeny|minuscule|itsy|itty|wee|minor|small|little|micro|slight)(?:-bitty)? (?:change|tweak|edit|adjustment|fix|correction|nudge)s?\\b`,
      ),
    ],
    unless: re(
      `\\bchange of (?:plans?|heart|mind)\\b|\\bthanks?(?: you)? (?:so much |a lot )?for\\b|\\b(?:no|not|without) (?:even )?(?:a |one )?(?:tiny|small|minor)\\b|\\bthere (?:may|might|will|could|would) be\\b`,
    ),
  },
  { id: 'en.tiny.nudge', label: 'tiny_change', all: [re(`^${REQUEST_OPENERS}(?:nudge|shift)\\b`)] },
  {
    id: 'en.tiny.shade',
    label: 'tiny_change',
    all: [re(`\\b(?:shade|tone|hue|tint|notch) (?:darker|lighter|brighter|warmer|cooler|up|down)\\b`)],
  },

  // —— revision requests ——
  { id: 'en.revision.imperative', label: 'revision_request', all: [re(`^${REQUEST_OPENERS}${CHANGE_VERB}\\b`)], unless: re(NOT_A_CHANGE) },
  {
    id: 'en.revision.can-you-change',
    label: 'revision_request',
    all: [
      re(
        `(?:\\b(?:can|could|would|will) (?:you|u|we|ya) (?:please |pls |maybe |just |also |quickly |possibly )?|\\b(?:please|pls|plz|kindly) (?:also |just |quickly )?|[,;:] ?(?:and|but|so|then|pls|please|also|just) )${CHANGE_VERB}\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'en.revision.another-round',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:another|one more|a further|a second|a third|a fourth|a fifth|a sixth) (?:round|set|pass|batch|iteration|revision)s?(?: of (?:changes|edits|revisions|corrections|tweaks|amendments|fixes|feedback))?\\b|\\b(?:another|one more) (?:version|draft|go)\\b`,
      ),
    ],
    unless: re(`\\b(?:no|not|without|never|won't|don't) (?:need )?(?:another|one more|a new|a further)\\b|\\bthanks?(?: you)? for\\b`),
  },
  {
    id: 'en.revision.needs-changes',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:needs?|requires?|could use|could do with|still needs?) (?:some |a few |more |a lot of |lots of |major |minor |a little |a bit of |another |further |serious )?(?:changes|edits|revisions|work|rework|reworking|fixing|tweaking|tweaks|adjustments|adjusting|polish|polishing|corrections)\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'en.revision.must-be-changed',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:needs?|has|have|must|should|ought) (?:to )?be (?:changed|redone|revised|reworked|rewritten|fixed|updated|edited|corrected|adjusted|replaced|shortened|moved|removed|deleted|reworded|rephrased|simplified|cut)\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'en.revision.find-another',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:can|could|would|will) (?:you|we) (?:please |maybe |just |also )?(?:find|choose|pick|use|try|get|go with|look for)\\b.{0,20}\\b(?:a different|another|a new|other|a better|something else)\\b|\\b(?:please|pls|let's) (?:find|choose|pick|use|try|go with|look for) (?:a different|another|a new|other|a better|something else)\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },
  {
    id: 'en.revision.prefer-different',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:i'd|i would|we'd|we would|i'd much|i'd really) (?:like|prefer|rather have|rather see|love|want) (?:to see |to have )?(?:a |an |the )?(?:different|another|new|other|shorter|longer|simpler|bolder|fresh)\\b`,
      ),
    ],
  },
  {
    id: 'en.revision.again',
    label: 'revision_request',
    all: [
      re(
        `\\b(?:redo|rewrite|change|fix|edit|rework|revise|update|do) (?:it|this|that|them|the \\w+(?: \\w+)?) (?:all )?(?:over )?again\\b`,
      ),
    ],
    unless: re(NOT_A_CHANGE),
  },

  // —— distrust ——
  {
    id: 'en.distrust.dont-trust',
    label: 'distrust',
    all: [
      re(
        `\\b(?:i|we) (?:just |really |simply |honestly )?(?:don't|do not|dont|can't|cannot|can not|no longer|can no longer|won't|will not) (?:really |fully |completely |entirely )?(?:trust|rely on|count on|depend on|believe)\\b (?:you|your|u|ya|anyone on your|that you|you guys|your team|your agency|your judg(?:e)?ment)\\b`,
      ),
    ],
  },
  {
    id: 'en.distrust.lost-trust',
    label: 'distrust',
    all: [
      re(
        `\\b(?:lost|losing|have no|haven't got any|have little|(?:don't|do not|no longer) have (?:much|any)) (?:all )?(?:trust|faith|confidence) (?:left )?in (?:you|your)\\b`,
      ),
    ],
  },
  {
    id: 'en.distrust.do-it-myself',
    label: 'distrust',
    all: [
      re(
        `\\b(?:check|double-check|double check|re-check|recheck|verify|redo|fix|rewrite|proofread|review|go through|write) (?:it|this|that|them|everything|all|it all|(?:the|your|all the|every|each) [\\w'-]+(?: [\\w'-]+)?) (?:all )?(?:myself|ourselves)\\b|\\bdo (?:it|this|that|everything|the whole thing|it all) (?:all )?(?:myself|ourselves)\\b`,
      ),
      re(
        `\\b(?:i|we)(?:'ll| will|'d| would|'m going to| am going to| have to| need to| must| guess i'll| may as well| might as well)\\b|\\bi'd rather\\b`,
      ),
    ],
  },
  {
    id: 'en.distrust.check-everything',
    label: 'distrust',
    all: [
      re(
        `\\b(?:double-?check|re-?check|verify|check|proofread|go over|go through)\\b (?:absolutely )?(?:everything|every single thing|all of your \\w+|all your \\w+|each and every|every \\w+ you)\\b`,
      ),
      re(`\\b(?:have to|need to|must|always|apparently|again|every time)\\b`),
    ],
  },
  {
    id: 'en.distrust.know-what-youre-doing',
    label: 'distrust',
    all: [
      re(
        `\\b(?:not (?:sure|convinced|confident)|doubt|wonder (?:if|whether)|no idea|don't think|do not think|have my doubts)\\b.{0,25}\\byou(?: guys)? (?:(?:really|actually|even) )?(?:know what you(?:'re| are) doing|understand (?:what|the|our|how|my)|(?:can|are able to|could) (?:handle|manage|do this|do it|deliver|get it right|get this right)|are capable|(?:are|'re) up to (?:it|the job|this))\\b`,
      ),
    ],
  },
  {
    id: 'en.distrust.cant-leave-to-you',
    label: 'distrust',
    all: [re(`\\bcan(?:'t|not| not) (?:leave|trust) (?:anything|this|it|that|you with anything|you with this)(?: (?:up )?to you)?\\b`)],
  },
  {
    id: 'en.distrust.last-time',
    label: 'distrust',
    all: [
      re(
        `\\b(?:last time|every time|each time|as usual|again|always)\\b.{0,20}\\byou(?: guys)?\\b.{0,10}\\b(?:messed|screwed|got (?:it|this|that) wrong|get (?:it|this|that) wrong|broke|botched|ruined)\\b`,
      ),
    ],
  },
  {
    id: 'en.distrust.cc-everything',
    label: 'distrust',
    all: [
      re(
        `\\b(?:cc'?d?|copied|in cc|in the loop|copy me) (?:on|in) (?:everything|every (?:single )?(?:email|message|thing)|all (?:your )?(?:emails|communication))\\b`,
      ),
    ],
  },

  // —— urgency pressure ——
  {
    id: 'en.urgency.asap',
    label: 'urgency_pressure',
    all: [re(`\\basap\\b|\\ba\\.s\\.a\\.p\\b`)],
    unless: re(`${NOT_URGENT}|${I_WILL_QUICKLY}`),
  },
  { id: 'en.urgency.urgent', label: 'urgency_pressure', all: [re(`\\burgent(?:ly)?\\b|\\btop priority\\b`)], unless: re(NOT_URGENT) },
  {
    id: 'en.urgency.right-now',
    label: 'urgency_pressure',
    all: [
      re(
        `\\b(?:need|want|send|fix|do it|change|post|reply|respond|answer|update|remove|delete|stop|publish|sort|done|ready|call me|take (?:it|this|that) down|fixed|sorted|changed|removed|updated|sent|posted|published|taken down|corrected)\\b.{0,30}\\b(?:right (?:now|away|this minute)|immediately|this instant|straight away|at once|without delay)\\b|\\b(?:right now|immediately|at once)!|^(?:now|immediately|right now)[.!]`,
      ),
    ],
    unless: re(`${NOT_URGENT}|${I_WILL_QUICKLY}`),
  },
  {
    id: 'en.urgency.drop-everything',
    label: 'urgency_pressure',
    all: [
      re(
        `\\bdrop everything\\b|\\bwithin (?:the|an|the next|half an) (?:hour|30 minutes|few minutes|half hour)\\b|\\bby (?:end of (?:the )?day|eod|cob|close of business)(?: today)?\\b(?! (?:on |this |next )?(?:mon|tue|wed|thu|fri|sat|sun|\\d))|\\btoday,? not tomorrow\\b|\\b(?:it|this) can(?:'t|not) wait\\b|\\bneeded (?:it )?yesterday\\b|\\bshould have been (?:done|live|out|posted) (?:by now|yesterday|already)\\b`,
      ),
    ],
    unless: re(`${NOT_URGENT}|${I_WILL_BY_END_OF_DAY}`),
  },
  {
    id: 'en.urgency.still-waiting',
    label: 'urgency_pressure',
    all: [
      re(
        `\\b(?:i'm|i am|we're|we are) still waiting\\b|\\bwhy (?:isn't|is not|aren't|are not|hasn't|haven't|is it not|is this not)\\b.{0,30}\\b(?:done|ready|finished|live|up|posted|out|sent|fixed)(?: yet)?\\b|^(?:where|when)\\b.{0,80}[?!]{2,}`,
      ),
    ],
  },
];
