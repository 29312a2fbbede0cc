import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps';
import { apiKeyRoutes } from './admin/api-keys';
import { bootstrapRoute } from './admin/bootstrap';
import { operatorRoutes } from './admin/operators';
import { workspaceRoutes } from './admin/workspace';

/**
 * Administration under /v1, every route in the `admin` scope (an owner's session or an admin
 * key; a member gets 403): the workspace and its playbook, operators, API keys. Also the
 * public first-install bootstrap, which creates the workspace everything else administers.
 */
export async function adminRoutes(app: FastifyInstance, deps: ApiDeps) {
  workspaceRoutes(app, deps);
  operatorRoutes(app, deps);
  apiKeyRoutes(app, deps);
  bootstrapRoute(app, deps);
}
