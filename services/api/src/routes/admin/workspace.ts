import { defaultEscalationSettings, escalationEmailKinds, resolveSettings } from '@firmly/core';
import { clientSettingsOf, findWorkspace, playbookOf, updateWorkspace, type WorkspaceChange, type WorkspaceRow } from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../api-deps';
import { BadRequest, NotFound } from '../../errors';
import { commonErrors, Instant, Uuid, z } from '../../http/schemas';
import { actorOf, principalOf } from '../../plugins/auth';
import { playbookProblems } from './playbook';

const EmailKind = z.enum(escalationEmailKinds);

/** The numbers the ladders run on (PRODUCT §4), after the workspace's overrides. */
const EffectiveSettings = z
  .object({
    slaBusinessDays: z.number(),
    firmNoticeAfterSlas: z.number(),
    endingAfterSlas: z.number(),
    endingEscalatedAsks: z.number(),
    endingWindowDays: z.number(),
    paymentGraceDays: z.number(),
    workPausedAfterBusinessDays: z.number(),
    driftDaysPerCycle: z.number(),
    driftCycles: z.number(),
    controlThreshold: z.number(),
    controlSustainedDays: z.number(),
    controlEndingAfterDays: z.number(),
    autoSend: z.record(EmailKind, z.boolean()),
  })
  .meta({ id: 'EscalationSettings' });

const Playbook = z
  .record(z.string(), z.unknown())
  .describe('Overrides of the ladder defaults, e.g. `{ "slaBusinessDays": 3, "autoSend": { "payment_reminder": true } }`');

const Workspace = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    demo: z.boolean(),
    settings: z.object({ playbook: Playbook }),
    effectiveSettings: EffectiveSettings.nullable().describe(
      'null while the stored playbook is invalid (then `settingsProblems` says why)',
    ),
    settingsProblems: z.array(z.object({ field: z.string(), message: z.string() })),
    defaults: EffectiveSettings,
    autoSendKinds: z.array(EmailKind).describe('the email kinds auto-send can be turned on for'),
    createdAt: Instant,
  })
  .meta({ id: 'Workspace' });

const WorkspacePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  settings: z.strictObject({ playbook: Playbook }).optional(),
});

function workspaceView(row: WorkspaceRow): z.infer<typeof Workspace> {
  const playbook = playbookOf(row.settings);
  const resolved = resolveSettings(playbook, undefined);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    demo: row.settings.demo === true,
    settings: { playbook },
    effectiveSettings: resolved.ok ? resolved.settings : null,
    settingsProblems: resolved.ok ? [] : resolved.problems,
    defaults: defaultEscalationSettings,
    autoSendKinds: [...escalationEmailKinds],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's workspace: its name and playbook settings (the ladders' numbers, auto-send kinds). */
export function workspaceRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/workspace',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The workspace, its playbook overrides and the settings the ladders run on',
        response: { 200: Workspace, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const row = await findWorkspace(deps.db, workspaceId);
      if (!row) throw new NotFound('no such workspace');
      return workspaceView(row);
    },
  );

  typed.patch(
    '/workspace',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Rename the workspace and/or replace its playbook overrides (validated as the ladders read them)',
        body: WorkspacePatch,
        response: { 200: Workspace, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { workspaceId } = principal;
      const current = await findWorkspace(deps.db, workspaceId);
      if (!current) throw new NotFound('no such workspace');
      const change: WorkspaceChange = {};
      if (request.body.name !== undefined) change.name = request.body.name;
      const playbook = request.body.settings?.playbook;
      if (playbook !== undefined) {
        const problems = playbookProblems(playbook, playbookOf(current.settings), await clientSettingsOf(deps.db, workspaceId));
        if (problems.length > 0) throw new BadRequest('the playbook settings are invalid', problems);
        change.playbook = playbook;
      }
      if (change.name === undefined && change.playbook === undefined) return workspaceView(current);
      const updated = await updateWorkspace(deps.db, { workspaceId, change, actor: actorOf(principal), now: deps.clock.now() });
      if (!updated) throw new NotFound('no such workspace');
      return workspaceView(updated);
    },
  );
}
