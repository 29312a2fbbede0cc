import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CorpusCase, loadCorpusCases } from './testing/corpus-cases';
import { type Evaluation, evaluateCase } from './testing/evaluate-case';

/**
 * The visible-text stripper against every public reply-parsing fixture that states an
 * expected visible text (../shared/corpora, README "Shared vocabulary"): crisp, willdurand
 * (incl. its 17 templated date headers), github, zapier and mailgun/talon (MIME standard
 * replies, HTML replies, signature samples, 52 text + 16 HTML inline pairs).
 *
 * One case = one fixture; it matches when all its assertions we can evaluate hold. The
 * share must stay ≥ 95 %, and the set of misses must equal KNOWN_MISSES exactly, so a
 * regression fails and a fix forces this list (and docs/analysis.md) to be updated.
 */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const corporaDir = path.resolve(process.env.FIRMLY_CORPORA_DIR ?? path.join(repoRoot, '../shared/corpora'));
const exists = existsSync(path.join(corporaDir, 'crisp-email-reply-parser'));

/** Case id (`set/id`) → why we differ from the upstream expectation. */
const KNOWN_MISSES: Record<string, string> = {
  'crisp-email-reply-parser/email_2.txt':
    'interleaved reply: upstream fragment 0 is only "Hi,"; we keep the answer written between the quotes ("You can list the keys…")',
  'mailgun-talon/reply-separated-by-hr.html':
    'talon drops the whole <div> holding the <hr>, including the name "Bob" above it; we keep text above the rule',
  'mailgun-talon/signature/emails/stripped/johndoeexamplecom_body':
    'signature lines carry talon\'s "#sig#" training prefix, so they read neither as a name nor as contact lines',
  'mailgun-talon/text#11:test_reply_and_quotation_splitter_share_line':
    'same input as text#13, which expects the opposite; we keep "bla-bla - bla" (the sender\'s text before "--- On … wrote:")',
  'mailgun-talon/text#12:test_reply_and_quotation_splitter_share_line': 'duplicate of text#11 (same input, same expectation)',
  'mailgun-talon/text#42:test_dont_parse_quotations_for_forwarded_messages':
    'talon keeps forwarded messages; we remove them (the forwarded text is not what the sender wrote)',
  'mailgun-talon/html#2:test_regular_blockquote':
    'talon keeps a plain <blockquote> above the attribution; every <blockquote> is quoted text for us',
  'mailgun-talon/html#7:test_gmail_quote_blockquote':
    'talon keeps a Gmail quote <blockquote class="gmail_quote"> without an attribution; for us it is quoted history',
  'mailgun-talon/html#14:test_readable_html_empty':
    'the whole body is one <blockquote>: talon falls back to all of it, a body that is only a quote is "" for us',
};

interface Scored {
  c: CorpusCase;
  evaluation: Evaluation;
}

function key(c: CorpusCase): string {
  return `${c.set}/${c.id}`;
}

function summarise(scored: readonly Scored[]): string[] {
  const sets = [...new Set(scored.map((s) => s.c.set))];
  const rows = [...sets, 'overall'].map((set) => {
    const inSet = set === 'overall' ? scored : scored.filter((s) => s.c.set === set);
    const count = (outcome: string) => inSet.filter((s) => s.evaluation.outcome === outcome).length;
    const matched = count('matched');
    const evaluated = matched + count('missed');
    const tolerance = inSet.filter((s) => s.evaluation.viaSignOffTolerance).length;
    const share = evaluated === 0 ? 0 : matched / evaluated;
    return `${set.padEnd(30)} cases ${String(inSet.length).padStart(3)}  evaluated ${String(evaluated).padStart(3)}  matched ${String(matched).padStart(3)} (${(share * 100).toFixed(1)} %, ${tolerance} only without the expected sign-off)  not evaluated ${count('not_evaluated')}`;
  });
  return rows;
}

describe.skipIf(!exists)(`visible text on the public corpora${exists ? '' : ` (skipped: corpora not found at ${corporaDir})`}`, () => {
  const cases = loadCorpusCases(corporaDir) ?? [];
  const scored: Scored[] = cases.map((c) => ({ c, evaluation: evaluateCase(c) }));

  it('covers every fixture set with expected visible text', () => {
    const sets = new Set(cases.map((c) => c.set));
    expect([...sets].sort()).toEqual([
      'crisp-email-reply-parser',
      'github-email_reply_parser',
      'mailgun-talon',
      'willdurand-EmailReplyParser',
      'zapier-email-reply-parser',
    ]);
    expect(cases.length).toBeGreaterThan(240);
    expect(new Set(cases.map(key)).size).toBe(cases.length);
  });

  it('matches at least 95 % of the evaluated cases, and misses exactly the known ones', () => {
    console.log(`visible text vs corpora:\n${summarise(scored).join('\n')}`);
    const evaluated = scored.filter((s) => s.evaluation.outcome !== 'not_evaluated');
    const matched = evaluated.filter((s) => s.evaluation.outcome === 'matched');
    expect(matched.length / evaluated.length).toBeGreaterThanOrEqual(0.95);
    const missed = scored.filter((s) => s.evaluation.outcome === 'missed');
    const unexpected = missed.filter((s) => !(key(s.c) in KNOWN_MISSES)).map((s) => `${key(s.c)}: ${s.evaluation.detail}`);
    expect(unexpected).toEqual([]);
    expect(missed.map((s) => key(s.c)).sort()).toEqual(Object.keys(KNOWN_MISSES).sort());
  });

  it('evaluates the trap fixtures that must not be cut', () => {
    // These are the reasons a naive stripper fails; they must be evaluated, not skipped.
    for (const id of [
      'crisp-email-reply-parser/email_tricky_1_on_false_positive.txt',
      'crisp-email-reply-parser/email_tricky_13_timestamp_variations.txt',
      'willdurand-EmailReplyParser/email_23_1.txt',
      'mailgun-talon/text#50:test_feedback_below_left_unparsed',
      'mailgun-talon/text#51:test_appointment_2',
      'mailgun-talon/text#35:test_quotation_marker_false_positive',
    ]) {
      expect(scored.find((s) => key(s.c) === id)?.evaluation.outcome, id).toBe('matched');
    }
  });
});
