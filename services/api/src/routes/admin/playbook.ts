import { resolveSettings, type SettingsProblem } from '@firmly/core';
import { playbookOf } from '@firmly/db';

export interface InvalidParam {
  name: string;
  reason: string;
}

const BODY_FIELD = 'body.settings.playbook';

/** `workspace.slaBusinessDays` (or an ordering problem's bare `endingAfterSlas`) → `body.settings.playbook.slaBusinessDays`. */
function bodyField(problem: SettingsProblem): string {
  const field = problem.field.replace(/^(workspace|client)(\.|$)/, '');
  return field ? `${BODY_FIELD}.${field}` : BODY_FIELD;
}

/**
 * What is wrong with a new workspace playbook, named by the body field: first the playbook on
 * its own (the ladders' numbers, orderings and auto-send kinds, checked by the same
 * resolveSettings the ladders use), then combined with each client's own overrides, so a change
 * cannot silently switch a client's ladders off (the escalation job refuses invalid settings).
 * A client whose overrides were already invalid with the previous playbook is not this change's
 * doing and does not block it.
 */
export function playbookProblems(
  playbook: Record<string, unknown>,
  previous: Record<string, unknown>,
  clients: ReadonlyArray<{ id: string; name: string; settings: Record<string, unknown> }>,
): InvalidParam[] {
  const own = resolveSettings(playbook, undefined);
  if (!own.ok) return own.problems.map((problem) => ({ name: bodyField(problem), reason: problem.message }));
  const problems: InvalidParam[] = [];
  for (const client of clients) {
    const overrides = playbookOf(client.settings);
    if (!resolveSettings(previous, overrides).ok) continue;
    const combined = resolveSettings(playbook, overrides);
    if (combined.ok) continue;
    for (const problem of combined.problems)
      problems.push({ name: bodyField(problem), reason: `with the overrides of client ${client.name} (${client.id}): ${problem.message}` });
  }
  return problems;
}
