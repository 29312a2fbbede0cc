/**
 * The API's error vocabulary. Handlers throw these; one handler (plugins/problem.ts)
 * turns them into application/problem+json and never echoes internals.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class NotFound extends HttpProblem {
  constructor(detail: string) {
    super(404, 'Not Found', detail);
  }
}

export class Conflict extends HttpProblem {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}

export class BadRequest extends HttpProblem {
  constructor(detail: string, invalidParams: Array<{ name: string; reason: string }> = []) {
    super(400, 'Bad Request', detail, invalidParams.length > 0 ? { invalidParams } : {});
  }
}

export class Unauthorized extends HttpProblem {
  constructor(detail = 'a valid API key is required') {
    super(401, 'Unauthorized', detail);
  }
}

export class ServiceUnavailable extends HttpProblem {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(503, 'Service Unavailable', detail, extra);
  }
}
