import { analyseVisibleText } from '../analyse';
import { htmlToText } from '../html/html-to-text';
import { CUT_MARK, RULE_MARK } from '../lines';
import type { Assertion, CorpusCase } from './corpus-cases';
import { withoutTrailingSignOff } from './sign-off-tolerance';

/**
 * Test helper: runs `analyseVisibleText` on one corpus case and judges its assertions.
 *
 * Fragment assertions speak about the upstream libraries' blocks. Fragment 0 stands for the
 * visible text unless the case's own flags say fragment 0 is quoted/hidden/a signature (then
 * its assertions are not evaluated) or that a later fragment is visible too (an interleaved
 * reply: then our text must *start with* fragment 0). A fragment count of exactly 1 means
 * the library found nothing to strip, so the visible text must be the whole body.
 */
export type Outcome = 'matched' | 'missed' | 'not_evaluated';

export interface Evaluation {
  outcome: Outcome;
  /** Matched only because the expected text's trailing sign-off was allowed to go. */
  viaSignOffTolerance: boolean;
  evaluated: number;
  skipped: number;
  detail: string;
}

type Verdict = { result: 'pass'; tolerance: boolean } | { result: 'fail'; detail: string } | { result: 'skip' };

const PASS: Verdict = { result: 'pass', tolerance: false };
const SKIP: Verdict = { result: 'skip' };

function fail(detail: string): Verdict {
  return { result: 'fail', detail };
}

function normalise(text: string, compare: CorpusCase['compare']): string {
  const unified = text.replace(/\r\n?/gu, '\n').normalize('NFC');
  if (compare === 'no-whitespace') return unified.replace(/\s+/gu, '');
  return unified
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

function exactish(actual: string, expected: string, compare: CorpusCase['compare']): Verdict {
  const ours = normalise(actual, compare);
  if (ours === normalise(expected, compare)) return PASS;
  const withoutSignOff = withoutTrailingSignOff(expected.replace(/\r\n?/gu, '\n'));
  if (withoutSignOff !== undefined && ours === normalise(withoutSignOff, compare)) return { result: 'pass', tolerance: true };
  return fail(`expected ${JSON.stringify(expected.slice(0, 160))}, got ${JSON.stringify(actual.slice(0, 160))}`);
}

function htmlAsText(html: string): string {
  return htmlToText(html)
    .text.split('\n')
    .filter((line) => line !== CUT_MARK && line !== RULE_MARK)
    .join('\n');
}

type FragmentMode = 'exact' | 'prefix' | 'skip';

function fragmentMode(assertions: readonly Assertion[]): FragmentMode {
  const flags = assertions.find((a) => a.type === 'fragment_flags');
  if (flags === undefined) return 'exact';
  if (flags.quoted?.[0] === true || flags.hidden?.[0] === true || flags.signature?.[0] === true) return 'skip';
  return flags.hidden?.some((hidden, index) => index > 0 && hidden === false) === true ? 'prefix' : 'exact';
}

function judge(assertion: Assertion, c: CorpusCase, actual: string, quoted: string, mode: FragmentMode): Verdict {
  const value = typeof assertion.value === 'string' ? assertion.value : '';
  const onFirstFragment = assertion.type.startsWith('fragment_') && assertion.index === 0;
  if (onFirstFragment && mode === 'skip') return SKIP;
  switch (assertion.type) {
    case 'visible_text_exact':
    case 'visible_text_trimmed_exact':
      return exactish(actual, value, c.compare);
    case 'html_exact':
      return exactish(actual, htmlAsText(value), 'no-whitespace');
    case 'visible_text_contains':
      return actual.includes(value) ? PASS : fail(`does not contain ${JSON.stringify(value)}`);
    case 'visible_text_not_contains':
      return actual.includes(value) ? fail(`contains ${JSON.stringify(value)}`) : PASS;
    case 'visible_text_nonempty':
      return actual.trim() !== '' ? PASS : fail('empty');
    case 'quoted_text_contains':
      return quoted.includes(value) ? PASS : fail(`removed part lacks ${JSON.stringify(value)}`);
    case 'quoted_text_not_contains':
      return quoted.includes(value) ? fail(`removed part has ${JSON.stringify(value)}`) : PASS;
    case 'fragment_exact':
    case 'fragment_trimmed_exact': {
      if (!onFirstFragment) return SKIP;
      if (mode === 'prefix') {
        const start = normalise(value, c.compare);
        return normalise(actual, c.compare).startsWith(start) ? PASS : fail(`does not start with ${JSON.stringify(start.slice(0, 80))}`);
      }
      return exactish(actual, value, c.compare);
    }
    case 'fragment_contains':
      if (!onFirstFragment) return SKIP;
      return actual.includes(value) ? PASS : fail(`does not contain ${JSON.stringify(value)}`);
    case 'fragment_not_contains':
      if (!onFirstFragment) return SKIP;
      return actual.includes(value) ? fail(`contains ${JSON.stringify(value)}`) : PASS;
    case 'fragment_regex': {
      if (!onFirstFragment || assertion.pattern === undefined) return SKIP;
      const flags = [...new Set(`${assertion.flags ?? ''}${c.regexFlags}`)].join('');
      return new RegExp(assertion.pattern, flags).test(actual) ? PASS : fail(`does not match /${assertion.pattern}/${flags}`);
    }
    case 'fragment_count': {
      if (assertion.value !== 1 || mode === 'skip') return SKIP;
      return exactish(actual, c.input.text ?? '', c.compare);
    }
    default:
      // fragment_count_min, flags of later fragments, any_fragment_is_signature, max_duration_ms.
      return SKIP;
  }
}

export function evaluateCase(c: CorpusCase): Evaluation {
  if (c.unevaluable !== undefined)
    return { outcome: 'not_evaluated', viaSignOffTolerance: false, evaluated: 0, skipped: c.assertions.length, detail: c.unevaluable };
  const result = analyseVisibleText(c.input);
  const quoted = result.spans
    .filter((span) => span.kind === 'quote' || span.kind === 'forward_header')
    .map((span) => span.text)
    .join('\n');
  const mode = fragmentMode(c.assertions);
  const verdicts = c.assertions.map((assertion) => judge(assertion, c, result.text, quoted, mode));
  const evaluated = verdicts.filter((v) => v.result !== 'skip');
  const failures = verdicts.flatMap((v) => (v.result === 'fail' ? [v.detail] : []));
  const skipped = verdicts.length - evaluated.length;
  if (evaluated.length === 0)
    return { outcome: 'not_evaluated', viaSignOffTolerance: false, evaluated: 0, skipped, detail: 'no assertion we can evaluate' };
  if (failures.length > 0)
    return { outcome: 'missed', viaSignOffTolerance: false, evaluated: evaluated.length, skipped, detail: failures.join('; ') };
  const tolerance = evaluated.some((v) => v.result === 'pass' && v.tolerance);
  return { outcome: 'matched', viaSignOffTolerance: tolerance, evaluated: evaluated.length, skipped, detail: '' };
}
