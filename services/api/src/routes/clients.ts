import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps';

/** Placeholder: filled in by the clients routes work. */
export async function clientRoutes(_app: FastifyInstance, _deps: ApiDeps) {}
