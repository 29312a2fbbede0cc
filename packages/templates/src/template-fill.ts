import type { TemplateNode } from './template-language';
import type { ViewItem, ViewModel, ViewValue } from './view-model';

/**
 * Joins static parts with encoded values. No parsing, no regular expressions: this is the
 * per-email work once a template is compiled.
 */
export function fillTemplate(nodes: readonly TemplateNode[], model: ViewModel, encode: (value: string) => string): string {
  let output = '';
  const walk = (list: readonly TemplateNode[], item: ViewItem | undefined): void => {
    for (const node of list) {
      switch (node.type) {
        case 'static':
          output += node.text;
          break;
        case 'slot': {
          const value = item?.[node.name] ?? model[node.name];
          if (typeof value === 'string') output += encode(value);
          break;
        }
        case 'if':
          walk(isShown(item?.[node.name] ?? model[node.name]) ? node.whenTrue : node.whenFalse, item);
          break;
        case 'each': {
          const items = model[node.name];
          if (Array.isArray(items)) for (const entry of items as readonly ViewItem[]) walk(node.body, entry);
          break;
        }
      }
    }
  };
  walk(nodes, undefined);
  return output;
}

function isShown(value: ViewValue | undefined): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  return Array.isArray(value) && value.length > 0;
}
