import { describe, expect, it } from 'vitest';
import { fillTemplate } from './template-fill';
import { parseTemplate } from './template-language';

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
});
