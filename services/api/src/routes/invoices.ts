import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../api-deps';

/** Placeholder: filled in by the invoices routes work. */
export async function invoiceRoutes(_app: FastifyInstance, _deps: ApiDeps) {}
