/**
 * The placeholder language shared by subjects, MJML bodies and plain-text parts:
 *
 *   {{name}}                    a value (escaped for the output it lands in)
 *   {{#if name}}…{{else}}…{{/if}}   shown when the value is true, a non-empty text or a non-empty list
 *   {{#each list}}…{{/each}}    repeated per item; inside, {{field}} names the item's fields
 *
 * Deliberately tiny: no expressions, no helpers, no partials, so a template (including an
 * operator's override) can only place values, never compute or include anything.
 */

export type TemplateNode =
  | { readonly type: 'static'; readonly text: string }
  | { readonly type: 'slot'; readonly name: string; readonly line: number }
  | {
      readonly type: 'if';
      readonly name: string;
      readonly line: number;
      readonly whenTrue: readonly TemplateNode[];
      readonly whenFalse: readonly TemplateNode[];
    }
  | { readonly type: 'each'; readonly name: string; readonly line: number; readonly body: readonly TemplateNode[] };

export interface TemplateProblem {
  readonly line?: number;
  readonly message: string;
}

export interface ParsedTemplate {
  readonly nodes: readonly TemplateNode[];
  readonly problems: readonly TemplateProblem[];
}

/** Any `{{…}}`; what is inside is checked separately so a typo is reported rather than kept as text. */
export const TOKEN_PATTERN = /\{\{([^{}]*)\}\}/g;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

interface OpenBlock {
  readonly kind: 'if' | 'each';
  readonly name: string;
  readonly line: number;
  readonly whenTrue: TemplateNode[];
  readonly whenFalse: TemplateNode[];
  inElse: boolean;
}

export function parseTemplate(source: string): ParsedTemplate {
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const problems: TemplateProblem[] = [];
  let cursor = 0;
  let line = 1;
  let lineCountedUpTo = 0;

  const lineAt = (index: number): number => {
    for (let i = lineCountedUpTo; i < index; i += 1) if (source.charCodeAt(i) === 10) line += 1;
    lineCountedUpTo = index;
    return line;
  };
  const target = (): TemplateNode[] => {
    const open = stack.at(-1);
    if (!open) return root;
    return open.inElse ? open.whenFalse : open.whenTrue;
  };
  const pushStatic = (text: string): void => {
    if (text.length > 0) target().push({ type: 'static', text });
  };

  for (const match of source.matchAll(TOKEN_PATTERN)) {
    const index = match.index;
    const tokenLine = lineAt(index);
    pushStatic(source.slice(cursor, index));
    cursor = index + match[0].length;
    const inner = (match[1] ?? '').trim();
    const [head = '', argument, ...extra] = inner.split(/\s+/);

    if ((head === '#if' || head === '#each') && argument !== undefined && NAME.test(argument) && extra.length === 0) {
      const kind = head === '#if' ? 'if' : 'each';
      stack.push({ kind, name: argument, line: tokenLine, whenTrue: [], whenFalse: [], inElse: false });
    } else if (inner === 'else') {
      const open = stack.at(-1);
      if (open?.kind === 'if' && !open.inElse) open.inElse = true;
      else problems.push({ line: tokenLine, message: '{{else}} outside an {{#if}} block' });
    } else if (inner === '/if' || inner === '/each') {
      const open = stack.at(-1);
      if (open && `/${open.kind}` === inner) {
        stack.pop();
        target().push(closeBlock(open));
      } else {
        problems.push({ line: tokenLine, message: `{{${inner}}} closes a block that is not open` });
      }
    } else if (NAME.test(inner)) {
      target().push({ type: 'slot', name: inner, line: tokenLine });
    } else {
      problems.push({ line: tokenLine, message: `malformed placeholder {{${match[1] ?? ''}}}` });
    }
  }
  pushStatic(source.slice(cursor));
  // An unclosed block is reported, then closed here so what it contains is still checked.
  for (let open = stack.pop(); open; open = stack.pop()) {
    problems.push({ line: open.line, message: `{{#${open.kind} ${open.name}}} is never closed` });
    target().push(closeBlock(open));
  }
  return { nodes: root, problems };
}

function closeBlock(open: OpenBlock): TemplateNode {
  return open.kind === 'if'
    ? { type: 'if', name: open.name, line: open.line, whenTrue: open.whenTrue, whenFalse: open.whenFalse }
    : { type: 'each', name: open.name, line: open.line, body: open.whenTrue };
}
