import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps';

/** Placeholder: filled in by the review routes work. */
export async function reviewRoutes(_app: FastifyInstance, _deps: ApiDeps) {}
