import type { ReviewProblem } from '@firmly/db';
import { BadRequest, HttpProblem, NotFound } from '../errors';

/**
 * A review action's refusal as the HTTP answer: not found → 404; the email moved on → 409
 * naming its state (and, when the caller has it, the current item); invalid input → 400
 * naming the field where the caller sent it (`body.reason`, `querystring.cursor`).
 */
export function reviewProblem(problem: ReviewProblem, location: 'body' | 'querystring', current?: unknown): HttpProblem {
  switch (problem.problem) {
    case 'not_found':
      return new NotFound(problem.detail);
    case 'conflict':
      return new HttpProblem(409, 'Conflict', problem.detail, {
        ...(problem.state ? { state: problem.state } : {}),
        ...(current === undefined ? {} : { item: current }),
      });
    case 'invalid':
      // The acting operator is the caller, not input: a disabled one may not act.
      if (problem.field === 'operatorId') return new HttpProblem(403, 'Forbidden', problem.detail);
      return new BadRequest(problem.detail, [{ name: problem.field ? `${location}.${problem.field}` : location, reason: problem.detail }]);
  }
}
