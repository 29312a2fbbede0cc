import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Routes are declared with zod; this plugin makes those declarations validate requests,
 * serialise responses (a handler returning a field its schema does not have fails loudly in
 * tests instead of leaking it), and become the OpenAPI 3.1 document: JSON at /docs/json, a
 * browsable UI at /docs. Registered before any route, so every route is in the document.
 */
export const openApi = fp(
  async (app: FastifyInstance) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'firmly admin API',
          version: '1.0.0',
          description:
            "The operator's API: review queue, clients, invoices, mailboxes, audit log. Errors are application/problem+json (RFC 9457). " +
            'Authenticate with an API key (`Authorization: Bearer fk_…`, scopes read, review, admin) or a signed-in session cookie ' +
            '(then send the `x-csrf-token` from POST /v1/session on every request that changes something).',
        },
        components: {
          securitySchemes: {
            apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, shown once when it is created' },
            session: { type: 'apiKey', in: 'cookie', name: 'firmly_session' },
          },
        },
        security: [{ apiKey: [] }, { session: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);
