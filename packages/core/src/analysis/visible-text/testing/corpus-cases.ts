import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VisibleTextInput } from '../types';
import { firstTextPart } from './first-mime-part';

/**
 * Test helper: every reply-parsing fixture in ../shared/corpora that states an expected
 * visible text, as uniform cases (see corpora/README.md "Shared vocabulary").
 */
export interface Assertion {
  type: string;
  value?: unknown;
  index?: number;
  pattern?: string;
  flags?: string;
  on?: string;
  quoted?: (boolean | null)[];
  hidden?: (boolean | null)[];
  signature?: (boolean | null)[];
}

export interface CorpusCase {
  set: string;
  id: string;
  input: VisibleTextInput;
  assertions: Assertion[];
  /** 'trimmed': exact after trimming (and trailing spaces per line); 'no-whitespace': all whitespace removed (talon's HTML tests). */
  compare: 'trimmed' | 'no-whitespace';
  /** Regex flags the set's patterns assume (github's Ruby `^` is per line). */
  regexFlags: string;
  /** Why the whole case cannot be evaluated, if so. */
  unevaluable?: string;
}

interface ExpectedCase {
  file: string;
  assertions: Assertion[];
  input_part?: string;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function readText(file: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(file));
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function resolveConstants(assertions: Assertion[], constants: Record<string, string>): Assertion[] {
  return assertions.map((assertion) =>
    typeof assertion.value === 'string' && assertion.value.startsWith('$') && constants[assertion.value.slice(1)] !== undefined
      ? { ...assertion, value: constants[assertion.value.slice(1)] }
      : assertion,
  );
}

function replyParserSet(
  corpora: string,
  folder: string,
  constants: Record<string, string>,
  regexFlags: string,
): { cases: CorpusCase[]; expected: Record<string, unknown> } {
  const dir = path.join(corpora, folder);
  const expected = readJson(path.join(dir, 'expected.json'));
  const fileCases = [...list<ExpectedCase>(expected.cases), ...list<ExpectedCase>(expected.cases_on_fixtures_stored_in_crisp_dir)];
  const cases: CorpusCase[] = fileCases.map((c) => ({
    set: folder,
    id: path.basename(c.file),
    input: { text: readText(path.join(dir, c.file)) },
    assertions: resolveConstants(c.assertions, constants),
    compare: 'trimmed',
    regexFlags,
  }));
  list<{ input: string; assertions: Assertion[] }>(expected.inline_cases).forEach((c, index) => {
    cases.push({
      set: folder,
      id: `inline-${index + 1}`,
      input: { text: c.input },
      assertions: resolveConstants(c.assertions, constants),
      compare: 'trimmed',
      regexFlags,
    });
  });
  return { cases, expected };
}

interface Template {
  template: string;
  placeholder: string;
  expected_visible_text?: string;
  expected?: string;
  values: { value: string; client?: string }[];
}

function willdurandTemplates(corpora: string, expected: Record<string, unknown>): CorpusCase[] {
  const dir = path.join(corpora, 'willdurand-EmailReplyParser');
  return list<Template>(expected.templated_cases).flatMap((template) => {
    const body = readText(path.join(dir, template.template));
    return template.values.map((value, index) => ({
      set: 'willdurand-EmailReplyParser',
      id: `${path.basename(template.template)}#${index + 1}${value.client ? ` (${value.client})` : ''}`,
      input: { text: body.replace(template.placeholder, value.value) },
      assertions:
        template.expected_visible_text === undefined
          ? [{ type: 'fragment_exact', index: 1, value: template.expected }]
          : [{ type: 'visible_text_exact', value: template.expected_visible_text }],
      compare: 'trimmed' as const,
      regexFlags: '',
    }));
  });
}

interface TalonTextCase {
  test: string;
  input: string;
  expected: string;
  decorators?: string[];
  compare?: string;
}

function talonSet(corpora: string): CorpusCase[] {
  const set = 'mailgun-talon';
  const dir = path.join(corpora, set);
  const expected = readJson(path.join(dir, 'expected.json'));
  const cases: CorpusCase[] = list<ExpectedCase>(expected.cases).map((c) => {
    const file = path.join(dir, c.file);
    const isHtml = c.file.endsWith('.html');
    const fromMime = c.input_part?.startsWith('first text/plain part') === true;
    const input: VisibleTextInput = isHtml
      ? { html: readText(file) }
      : fromMime
        ? { text: firstTextPart(readFileSync(file), 'plain') ?? '' }
        : { text: readText(file) };
    return { set, id: c.file, input, assertions: c.assertions, compare: isHtml ? 'no-whitespace' : 'trimmed', regexFlags: '' };
  });
  for (const c of list<{ body: string; expected_signature_file: string }>(expected.signature_cases)) {
    const body = readText(path.join(dir, c.body));
    const signature = readText(path.join(dir, c.expected_signature_file)).trim();
    const trimmed = body.trim();
    const value = signature !== '' && trimmed.endsWith(signature) ? trimmed.slice(0, -signature.length).trim() : trimmed;
    cases.push({
      set,
      id: c.body,
      input: { text: body },
      assertions: [{ type: 'visible_text_exact', value }],
      compare: 'trimmed',
      regexFlags: '',
    });
  }
  const inline = readJson(path.join(dir, 'inline_cases.json'));
  list<TalonTextCase>(inline.text_cases).forEach((c, index) => {
    cases.push({
      set,
      id: `text#${index}:${c.test}`,
      input: { text: c.input },
      assertions: [{ type: 'visible_text_exact', value: c.expected }],
      compare: 'trimmed',
      regexFlags: '',
      // The upstream test patches a constant to check the library's own line-count guard.
      ...(c.decorators !== undefined && c.decorators.length > 0 ? { unevaluable: `tests talon's patched ${c.decorators.join(', ')}` } : {}),
    });
  });
  list<TalonTextCase>(inline.html_cases).forEach((c, index) => {
    cases.push({
      set,
      id: `html#${index}:${c.test}`,
      input: { html: c.input },
      assertions: [{ type: 'html_exact', value: c.expected }],
      compare: 'no-whitespace',
      regexFlags: '',
    });
  });
  return cases;
}

/** All cases, or undefined when the corpora folder is absent. */
export function loadCorpusCases(corpora: string): CorpusCase[] | undefined {
  if (!existsSync(path.join(corpora, 'crisp-email-reply-parser', 'expected.json'))) return undefined;
  const crisp = readJson(path.join(corpora, 'crisp-email-reply-parser', 'expected.json'));
  const constants = (crisp.constants ?? {}) as Record<string, string>;
  const willdurand = replyParserSet(corpora, 'willdurand-EmailReplyParser', constants, '');
  const github = replyParserSet(corpora, 'github-email_reply_parser', constants, 'm');
  return [
    ...replyParserSet(corpora, 'crisp-email-reply-parser', constants, '').cases,
    ...willdurand.cases,
    ...willdurandTemplates(corpora, willdurand.expected),
    ...github.cases,
    ...replyParserSet(corpora, 'zapier-email-reply-parser', constants, '').cases,
    ...talonSet(corpora),
  ];
}
