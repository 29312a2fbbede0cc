import type { TemplateNode, TemplateProblem } from './template-language';
import { IMPLICIT_VALUES, type PlaceholderSchema } from './view-model';

/**
 * Rejects placeholders a kind does not offer (a typo such as {{clientNmae}} would otherwise
 * render as nothing and send a broken sentence to a client), naming the allowed ones.
 */
export function checkPlaceholders(nodes: readonly TemplateNode[], schema: PlaceholderSchema): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const values = new Set<string>([...schema.values, ...IMPLICIT_VALUES]);
  const flags = new Set(schema.flags);
  const lists = new Map(Object.entries(schema.lists));

  const walk = (list: readonly TemplateNode[], itemFields: ReadonlySet<string> | undefined, listName: string | undefined): void => {
    for (const node of list) {
      if (node.type === 'static') continue;
      const isValue = values.has(node.name) || (itemFields?.has(node.name) ?? false);
      if (node.type === 'slot') {
        if (!isValue)
          problems.push({ line: node.line, message: unknown(node.name, 'a value', allowedValues(values, itemFields, listName)) });
      } else if (node.type === 'if') {
        if (!isValue && !flags.has(node.name) && !lists.has(node.name)) {
          problems.push({
            line: node.line,
            message: unknown(node.name, 'a condition', allowedConditions(values, flags, lists, itemFields)),
          });
        }
        walk(node.whenTrue, itemFields, listName);
        walk(node.whenFalse, itemFields, listName);
      } else {
        const fields = lists.get(node.name);
        if (!fields || itemFields) {
          const why = itemFields ? 'lists cannot be nested' : unknown(node.name, 'a list', [...lists.keys()]);
          problems.push({ line: node.line, message: itemFields ? `{{#each ${node.name}}}: ${why}` : why });
          continue;
        }
        walk(node.body, new Set(fields), node.name);
      }
    }
  };
  walk(nodes, undefined, undefined);
  return problems;
}

function unknown(name: string, role: string, allowed: readonly string[]): string {
  return `unknown placeholder {{${name}}} used as ${role}; allowed: ${allowed.join(', ') || 'none'}`;
}

function allowedValues(values: ReadonlySet<string>, itemFields: ReadonlySet<string> | undefined, listName: string | undefined): string[] {
  const fields = itemFields ? [...itemFields].map((field) => `${field} (in ${listName})`) : [];
  return [...values, ...fields];
}

function allowedConditions(
  values: ReadonlySet<string>,
  flags: ReadonlySet<string>,
  lists: ReadonlyMap<string, readonly string[]>,
  itemFields: ReadonlySet<string> | undefined,
): string[] {
  return [...values, ...flags, ...lists.keys(), ...(itemFields ?? [])];
}
