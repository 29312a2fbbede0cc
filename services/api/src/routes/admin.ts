import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps';

/** Placeholder: filled in by the admin routes work. */
export async function adminRoutes(_app: FastifyInstance, _deps: ApiDeps) {}
