import mjml2html from 'mjml';

/**
 * Turns an MJML document into HTML, refusing anything that fails strict validation. Injected
 * into the renderer so tests can count calls: rendering an email must not make one.
 */
export type MjmlCompiler = (mjml: string) => Promise<string>;

export interface MjmlProblem {
  readonly line?: number;
  readonly message: string;
}

/** mjml 5 rejects with a ValidationError carrying `errors` (line and message per problem). */
export class MjmlCompileError extends Error {
  constructor(readonly problems: readonly MjmlProblem[]) {
    super(
      problems.map((problem) => (problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`)).join('\n'),
    );
    this.name = 'MjmlCompileError';
  }
}

export const compileMjmlStrict: MjmlCompiler = async (mjml) => {
  try {
    const result = await mjml2html(mjml, {
      validationLevel: 'strict',
      // Comments could hide placeholders and only add bytes; includes could read files from disk.
      keepComments: false,
      ignoreIncludes: true,
      // No web-font links: a letter should not make the reader's client call a font CDN.
      fonts: {},
    });
    return result.html;
  } catch (error) {
    throw new MjmlCompileError(problemsOf(error));
  }
};

function problemsOf(error: unknown): MjmlProblem[] {
  if (error instanceof Error && 'errors' in error && Array.isArray(error.errors)) {
    const problems = (error.errors as unknown[]).flatMap((entry) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { line, message } = entry as { line?: unknown; message?: unknown };
      return typeof message === 'string' ? [{ ...(typeof line === 'number' ? { line } : {}), message }] : [];
    });
    if (problems.length > 0) return problems;
  }
  return [{ message: error instanceof Error ? error.message : String(error) }];
}
