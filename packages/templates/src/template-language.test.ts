import { describe, expect, it } from 'vitest';
import { fillTemplate } from './template-fill';
import { parseTemplate } from './template-language';
import type { ViewItem } from './view-model';

const render = (source: string, model: Parameters<typeof fillTemplate>[1]): string =>
  fillTemplate(parseTemplate(source).nodes, model, (value) => `[${value}]`);

describe('placeholder language', () => {
  it('fills values, conditions and lists, encoding every value', () => {
    const source =
      'Hi {{name}}!{{#if vip}} VIP{{else}} guest{{/if}}{{#each items}} <{{label}}:{{name}}>{{/each}}{{#if items}} has items{{/if}}';
    const model = { name: 'Ann', vip: false, items: [{ label: 'a' }, { label: 'b' }] };
    expect(render(source, model)).toBe('Hi [Ann]! guest <[a]:[Ann]> <[b]:[Ann]> has items');
    expect(render(source, { name: '', vip: true, items: [] })).toBe('Hi []! VIP');
  });

  it('reports malformed and unbalanced tokens with their lines', () => {
    const { problems } = parseTemplate('a\n{{ two words }}\n{{/each}}\n{{else}}\n{{#if x}}');
    expect(problems).toEqual([
      { line: 2, message: 'malformed placeholder {{ two words }}' },
      { line: 3, message: '{{/each}} closes a block that is not open' },
      { line: 4, message: '{{else}} outside an {{#if}} block' },
      { line: 5, message: '{{#if x}} is never closed' },
    ]);
  });

  it('leaves single braces and text alone', () => {
    expect(render('{ not a token } {{v}}', { v: 'x' })).toBe('{ not a token } [x]');
  });

  it('keeps template text that looks like code as text: static parts are data, never source', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text must look like a template literal's placeholder
    const hostile = '"; throw new Error(\'x\'); " ` ${1 + 1} \\ </script> \u2028 \u2029 \n done';
    expect(render(`${hostile}{{v}}${hostile}`, { v: "'); throw 1; ('" })).toBe(`${hostile}['); throw 1; (']${hostile}`);
  });

  it('reads a field from the innermost list item, falling back to the model, in nested lists and conditions', () => {
    const source = '{{#each outer}}({{label}}{{#if mark}}*{{/if}}{{#each inner}}[{{label}}]{{/each}}){{/each}}';
    const outer: ViewItem[] = [{ label: 'o1', mark: 'yes' }, { mark: '' }];
    const inner: ViewItem[] = [{ label: 'i' }, {}];
    const model = { label: 'top', mark: false, outer, inner };
    expect(fillTemplate(parseTemplate(source).nodes, model, (value) => value)).toBe('(o1*[i][top])(top[i][top])');
  });

  it('fills the same compiled nodes the same way every time', () => {
    const { nodes } = parseTemplate('{{a}}-{{#if b}}B{{/if}}');
    const encode = (value: string): string => value;
    expect([fillTemplate(nodes, { a: '1', b: true }, encode), fillTemplate(nodes, { a: '2', b: false }, encode)]).toEqual(['1-B', '2-']);
  });
});
