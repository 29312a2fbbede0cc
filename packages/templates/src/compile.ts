import { findUnsafeSlots } from './html-slot-context';
import type { EmailKind, EmailLocale } from './kinds';
import { MjmlCompileError, type MjmlCompiler } from './mjml-compiler';
import { checkPlaceholders } from './placeholder-check';
import { placeholderSchema, type TemplateSources } from './registry';
import { parseTemplate, type TemplateNode } from './template-language';

/**
 * A template ready to fill: MJML has already become HTML, and subject, HTML and text are
 * split into static parts and slots. Built once per template × locale (or per override).
 */
export interface CompiledTemplate {
  readonly kind: EmailKind;
  readonly locale: EmailLocale;
  readonly origin: 'built-in' | 'override';
  readonly subject: readonly TemplateNode[];
  readonly html: readonly TemplateNode[];
  readonly text: readonly TemplateNode[];
}

export type TemplatePart = keyof TemplateSources;

export interface TemplateError {
  readonly part: TemplatePart;
  /** Line in that part's source, when the problem has one. */
  readonly line?: number;
  readonly message: string;
}

export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledTemplate }
  | { readonly ok: false; readonly errors: TemplateError[] };

export async function compileTemplate(
  kind: EmailKind,
  locale: EmailLocale,
  sources: TemplateSources,
  origin: CompiledTemplate['origin'],
  compileMjml: MjmlCompiler,
): Promise<CompileResult> {
  const schema = placeholderSchema(kind);
  const errors: TemplateError[] = [];
  const parse = (part: TemplatePart): readonly TemplateNode[] => {
    const parsed = parseTemplate(sources[part]);
    for (const problem of [...parsed.problems, ...checkPlaceholders(parsed.nodes, schema)]) errors.push({ part, ...problem });
    return parsed.nodes;
  };
  const subject = parse('subject');
  const text = parse('text');
  const mjmlNodes = parse('mjml');

  let html: string | undefined;
  try {
    html = await compileMjml(sources.mjml);
  } catch (error) {
    if (!(error instanceof MjmlCompileError)) throw error;
    for (const problem of error.problems) errors.push({ part: 'mjml', ...problem });
  }
  if (html === undefined) return { ok: false, errors };

  const compiledHtml = parseTemplate(html);
  for (const problem of compiledHtml.problems) {
    errors.push({ part: 'mjml', message: `after MJML compilation: ${problem.message} (a block may span elements MJML rearranges)` });
  }
  for (const problem of findUnsafeSlots(html)) errors.push({ part: 'mjml', message: problem });
  errors.push(...droppedPlaceholders(mjmlNodes, compiledHtml.nodes));

  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, compiled: { kind, locale, origin, subject, text, html: compiledHtml.nodes } };
}

/** MJML silently drops text outside its elements; a placeholder lost that way is a broken letter. */
function droppedPlaceholders(source: readonly TemplateNode[], compiled: readonly TemplateNode[]): TemplateError[] {
  const kept = new Set<string>();
  visit(compiled, (node) => kept.add(node.name));
  const errors: TemplateError[] = [];
  visit(source, (node) => {
    if (!kept.has(node.name)) {
      errors.push({ part: 'mjml', line: node.line, message: `{{${node.name}}} is outside any MJML content element and would be dropped` });
    }
  });
  return errors;
}

function visit(nodes: readonly TemplateNode[], onNamed: (node: Exclude<TemplateNode, { type: 'static' }>) => void): void {
  for (const node of nodes) {
    if (node.type === 'static') continue;
    onNamed(node);
    if (node.type === 'if') {
      visit(node.whenTrue, onNamed);
      visit(node.whenFalse, onNamed);
    } else if (node.type === 'each') {
      visit(node.body, onNamed);
    }
  }
}
