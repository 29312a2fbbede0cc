import type { RuleSet } from './rule-set';

/** Things a client is asked to hand over; used where "need" alone would be too loose. */
const MATERIAL =
  '(?:copy|texts?|photos?|pictures?|images?|files?|logos?|access|logins?|passwords?|details|data|approval|feedback|decision|answer|confirmation|input|sign-off|samples?|vat number|address|brief|assets)';

/** "if you have any questions / need anything / …", the optional half of a polite closing. */
const IF_OPTIONAL =
  "if (?:you(?: have| need| want| would like|'d like| require|'ve got| get stuck| run into)|there(?: is| are|'s| were)|anything|any\\b|something|we can help|i can help)";

export const englishRules: RuleSet = {
  language: 'en',
  neutralisers: [
    new RegExp(`\\b(?:please |kindly )?(?:do )?let (?:me|us) know ${IF_OPTIONAL}[^,;.!?]{0,80}`, 'g'),
    // "If anything is unclear, just give me a shout." — condition and its polite consequence.
    /\bif (?:you|there|anything|any)\b[^.!?]{0,80}?,? ?(?:just |please |simply |do )?(?:let (?:me|us) know|give (?:me|us) a (?:shout|call)|shout|ask|get in touch|reach out|contact (?:me|us)|drop (?:me|us) a (?:line|note)|feel free)\b/g,
    new RegExp(`\\b${IF_OPTIONAL}\\b[^,;.!?]{0,80}`, 'g'),
    /\bshould you (?:have|need|require)\b[^,;.!?]{0,80}/g,
    /\b(?:please )?(?:do not|don't) hesitate to\b[^,;.!?]{0,60}/g,
    /\bfeel free to\b[^,;.!?]{0,80}/g,
    /\bany (?:questions|problems|issues),? (?:just )?(?:shout|ask|let me know|give me a shout)\b/g,
    // "Please find attached", "please note": please + a verb that informs rather than asks.
    /\b(?:please|kindly|pls) (?:find|see|note|notice|ignore|disregard|keep in mind|be aware|be advised|accept|enjoy|excuse|forgive|bear with|rest assured|don't worry|do not worry)\b/g,
    /\b(?:thanks|thank you|many thanks)\b(?! in advance)[^,;.!?]{0,80}/g,
    /\b(?:i'm|i am|we're|we are|we'd be|i'd be|always)? ?happy to\b[^,;.!?]{0,80}/g,
    /\bis there anything (?:else )?(?:i|we) can\b[^,;.!?]{0,60}/g,
    /\b(?:can|may) (?:i|we) help (?:you )?with anything(?: else)?\b/g,
    /\bcan't wait to\b[^,;.!?]{0,60}/g,
  ],
  vetoes: [
    {
      id: 'en.veto.reported-question',
      pattern:
        /\b(?:she|he|they|you|your (?:colleague|team|boss|manager|designer|developer|accountant)|(?!i\b|we\b)[a-z]+) (?:asked|wanted to know|was wondering|were wondering|enquired|inquired) (?:whether|if|about|when|how|what|why|who|which)\b/,
    },
    {
      id: 'en.veto.answering',
      pattern: /^(?:you asked|your question was|to answer your question|as you asked|in answer to your question|regarding your question)\b/,
    },
    // "We're waiting for Meta to approve the ad": someone else has to act, not the client.
    { id: 'en.veto.third-party-waiting', pattern: /\bwaiting (?:for|on) (?!you\b|your\b|u\b)(?:[a-z'-]+ ){0,3}to [a-z]+/ },
  ],
  questionVetoes: [
    {
      id: 'en.smalltalk',
      pattern:
        /^(?:how (?:are|r) (?:you|u|things)\b|how(?:'s| is| has) (?:it going|everything|life|your (?:week|day|weekend|morning))|how have you been|how (?:was|were|did) (?:your|the) (?:weekend|holidays?|vacation|trip|break|day|week|flight|fair|trade fair|conference|party|event|birthday|christmas|summer)\b|did you have an? (?:nice|good|great|lovely|relaxing|fun|wonderful) (?:weekend|holidays?|time|break|trip|vacation|christmas|summer|day)\b|are you enjoying\b|(?:nice|lovely|beautiful|great|terrible|crazy) (?:weather|day)\b|what an?\b|hope\b)/,
    },
    {
      id: 'en.rhetorical',
      pattern:
        /^(?:who (?:doesn't|does not|wouldn't|would not) (?:love|like|want|enjoy|need)\b|did you know\b|do you know what\b|(?:have you )?ever wondered\b|guess what\b|who knew\b|who would have (?:thought|guessed)\b|remember (?:the|when|how|our|that|last)\b|why not\b|(?:can|could) you (?:believe|imagine)\b|isn't (?:it|that|this) (?:amazing|great|incredible|crazy|wild|funny|wonderful|fantastic|nice|lovely|cool)\b|(?:so,? )?what(?:'s| is) next\b|why (?:does|is|would|should) (?:this|that|it) (?:matter|important)\b|(?:the )?(?:result|answer|reason|secret|catch|bottom line|verdict|outcome|twist)\?|who (?:would|could)(?:n't| not)? say no\b|how (?:cool|great|amazing|awesome|crazy|fun|nice|wild) is that\b|(?:have you )?ever seen\b)/,
    },
  ],
  asks: [
    { id: 'en.request.please', pattern: /\b(?:please|pls|plz|kindly)\b/, strength: 3 },
    {
      id: 'en.request.could-you',
      pattern: /\b(?:could|can|would|will|cud)(?: you| u| ya)\b(?! (?:believe|imagine)\b)/,
      strength: 3,
    },
    {
      id: 'en.request.would-appreciate',
      pattern: /\b(?:would|'d) (?:really |greatly |so )?(?:love|appreciate|be grateful)\b[^.!?]{0,50}\b(?:your|if you|you to)\b/,
      strength: 3,
    },
    {
      id: 'en.request.it-would-help',
      pattern:
        /\b(?:would|'d) be (?:great|good|helpful|lovely|ideal|perfect|amazing|brilliant|wonderful|nice|super) (?:if you|to (?:get|have|hear|receive|see) (?:your|from you))\b/,
      strength: 3,
    },
    {
      id: 'en.request.let-me-know',
      pattern:
        /\b(?:let (?:me|us) know|keep (?:me|us) posted|get back to (?:me|us)|drop (?:me|us) a (?:line|note|message)|tell (?:me|us))\b/,
      strength: 3,
    },
    {
      id: 'en.request.imperative',
      pattern:
        /^(?:send|share|forward|approve|confirm|check|review|fill|sign|upload|pay|add|email|reply|choose|pick|decide|provide|give|take a look|have a look|look at|double-check|make sure|remember to|don't forget to|do not forget to|advise)\b/,
      strength: 3,
    },
    {
      id: 'en.need.from-you',
      pattern: /\b(?:i|we)(?:'d| would| will|'ll)? (?:still )?(?:need|require)\b(?! to\b)[^.!?]{0,50}\b(?:from you|your|you to)\b/,
      strength: 3,
    },
    {
      id: 'en.material.need',
      pattern: new RegExp(
        `\\b(?:i|we)(?:'d| would| will|'ll)? (?:still )?need (?:the |a |an |some |all |more )?(?:final |new |updated |missing |latest )?${MATERIAL}\\b`,
      ),
      kind: 'material',
      strength: 3,
    },
    { id: 'en.waiting.for-you', pattern: /\b(?:waiting|wait) (?:for|on) (?:your|you|the|a|an|some)\b/, strength: 3 },
    {
      id: 'en.feedback.looking-forward',
      pattern:
        /\blooking forward to (?:your|receiving your|getting your|hearing your) (?:feedback|thoughts|comments|approval|decision|answer|confirmation|input|notes|sign-off|go-ahead)\b/,
      strength: 3,
    },
    {
      id: 'en.material.not-received',
      pattern:
        /\b(?:we|i) (?:still )?(?:haven't|have not|didn't|did not) (?:yet )?(?:received|got|gotten|seen)\b[^.!?]{0,60}\b(?:from you|your)\b/,
      kind: 'material',
      strength: 3,
    },
    {
      id: 'en.request.would-like-you',
      pattern:
        /\b(?:i|we)(?:'d| would) like (?:you to|your|to (?:hear|know|get|have|see) (?:your|from you|what|whether|if|how|when))\b|\b(?:i|we) (?:need|want|'d like|would like) to know\b/,
      strength: 3,
    },
    { id: 'en.request.until-you', pattern: /\buntil you (?:approve|confirm|send|sign|decide|reply|give|share|pay)\b/, strength: 3 },
    {
      id: 'en.feedback.curious',
      pattern:
        /\b(?:curious|keen|eager) to (?:hear|know|see|learn) (?:what|how|if|whether|your)\b|\byour (?:input|feedback|thoughts|opinion) [^.!?]{0,60}\bwould (?:really |greatly )?help\b/,
      kind: 'feedback',
      strength: 2,
    },
    { id: 'en.material.just-need', pattern: /^(?:just |still |only )?need (?:the|your|a|an|some)\b/, kind: 'material', strength: 2 },
    { id: 'en.request.thanks-in-advance', pattern: /\bthanks? (?:you )?in advance for\b/, strength: 2 },
    {
      id: 'en.followup.checking-in',
      pattern: /\b(?:just )?(?:checking in|following up|circling back)\b|\b(?:quick|friendly|gentle|kind) reminder\b|\bjust a reminder\b/,
      strength: 2,
    },
    {
      id: 'en.question.wondering',
      pattern: /\b(?:i was|i am|i'm|we were|we are|we're|just) wondering (?:if|whether|when|how|what|who|which)\b/,
      strength: 2,
    },
    {
      id: 'en.question.any-update',
      pattern: /^(?:any|some) (?:update|news|thoughts|feedback|word|progress|luck|comments|ideas)\b/,
      strength: 2,
    },
  ],
  questionStart:
    /^(?:(?:do|does|did|can|could|would|will|shall|should|are|is|was|were|have|has|may|might) (?:you|u|we|i|it|this|that|they|there|the)\b|(?:what|which|when|where|who|whom|whose|how|why|any)\b)/,
  // A greeting may carry the addressee: "Hi Anna, send me…", "Dear Mr Smith, please…".
  leadIn:
    /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[ ,!]*(?:[a-z'.-]{1,30}(?: [a-z'.-]{1,30})?, ?)?|(?:so|also|and|but|btw|by the way|ok|okay|oh|ps|p\.s\.|one more thing|quick question|anyway|one last thing)\b[ ,:;!.-]*)/,
  kinds: [
    [
      'approval',
      /\b(?:approv\w*|sign(?:ed)? off|sign-off|go-ahead|go ahead|green light|good to go|ok to|okay to|is it ok|is it okay|happy with|go live|publish\w*)\b/,
    ],
    [
      'decision',
      /\b(?:which|prefer\w*|preference|choose|pick|decide\w*|decision|would you like|do you want|shall we|should we|works? for you|suits? you|free (?:on|for|at)|time slot|confirm the (?:meeting|call|date|time)|or|can i call|would you mind if|how many|how would you like|instead|maybe)\b/,
    ],
    [
      'feedback',
      /\b(?:feedback|thoughts?|think|comments?|review\w*|look at|take a look|have a look|opinion|sounds?|check\w*|double-check|like best)\b/,
    ],
    [
      'material',
      /\b(?:send\w*|share|forward|upload|provide|access|logins?|passwords?|pay|payment|vat number|add me|admin|install|fill in|fill out|photos?|pics|pictures?|images?|files?|logos?|texts?|copy|samples?|materials?|get us|reply with|high-resolution|opening hours)\b/,
    ],
  ],
};
