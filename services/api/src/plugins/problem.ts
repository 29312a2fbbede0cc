import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../errors';

export const PROBLEM_JSON = 'application/problem+json';

/**
 * RFC 9457 problem details for every error. Validation errors name the field
 * (`invalidParams`); unexpected errors are logged with their stack and answered
 * with a bare 500, so no internal detail leaks to the client.
 */
export const problemDetails = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
      if (error instanceof HttpProblem) {
        return reply
          .status(error.status)
          .type(PROBLEM_JSON)
          .send({ type: 'about:blank', title: error.title, status: error.status, detail: error.message, ...error.extra });
      }
      if (error.validation) {
        // Zod issues carry the field's path in instancePath ("/items/0/id"; "/" for the whole part).
        const invalidParams = error.validation.map((issue) => ({
          name: [error.validationContext ?? 'request', ...issue.instancePath.split('/').filter((part) => part.length > 0)].join('.'),
          reason: issue.message ?? 'is invalid',
        }));
        return reply
          .status(400)
          .type(PROBLEM_JSON)
          .send({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'the request is invalid', invalidParams });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'unhandled error');
      return reply
        .status(status)
        .type(PROBLEM_JSON)
        .send({
          type: 'about:blank',
          title: status === 500 ? 'Internal Server Error' : (error.code ?? 'Error'),
          status,
          ...(status === 500 ? {} : { detail: error.message }),
        });
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .type(PROBLEM_JSON)
        .send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no route for ${request.method} ${request.url}` }),
    );
  },
  { name: 'problem-details' },
);
