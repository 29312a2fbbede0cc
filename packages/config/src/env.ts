import { z } from 'zod';

/**
 * One declared environment variable: its zod schema, the human description of the
 * form it expects (printed when it is wrong), and whether it is a secret (a secret
 * is never echoed back and never has a default).
 */
export interface EnvVar<T> {
  readonly schema: z.ZodType<T>;
  readonly expected: string;
  readonly secret: boolean;
}

export type EnvSpec = Record<string, EnvVar<unknown>>;
export type EnvOf<S extends EnvSpec> = { [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<{ variable: string; expected: string; got?: string }>) {
    super(problems.map((p) => `${p.variable} must be ${p.expected}${p.got === undefined ? '' : ` (got ${p.got})`}`).join('; '));
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset: `PORT=` in a .env file means "use the default". */
function present(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

export function parseEnv<S extends EnvSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): EnvOf<S> {
  const out: Record<string, unknown> = {};
  const problems: Array<{ variable: string; expected: string; got?: string }> = [];
  for (const [variable, def] of Object.entries(spec)) {
    const raw = present(env[variable]);
    const result = def.schema.safeParse(raw);
    if (result.success) {
      out[variable] = result.data;
    } else {
      problems.push({
        variable,
        expected: raw === undefined ? `set: ${def.expected}` : def.expected,
        ...(raw === undefined || def.secret ? {} : { got: JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw) }),
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as EnvOf<S>;
}

/**
 * Parses the environment or stops the process: exit code 1 and one line on stderr
 * naming each bad variable and the form it expects. Services call this first thing.
 */
export function loadEnvOrExit<S extends EnvSpec>(service: string, spec: S, env: NodeJS.ProcessEnv = process.env): EnvOf<S> {
  try {
    return parseEnv(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

// ---- variable builders -------------------------------------------------------

function variable<T>(schema: z.ZodType<T>, expected: string, secret = false): EnvVar<T> {
  return { schema, expected, secret };
}

export const envVar = {
  string(opts: { default?: string; expected?: string } = {}): EnvVar<string> {
    const base = z.string().min(1);
    return variable(opts.default === undefined ? base : base.default(opts.default), opts.expected ?? 'a non-empty string');
  },
  optionalString(expected = 'a non-empty string'): EnvVar<string | undefined> {
    return variable(z.string().min(1).optional(), expected);
  },
  integer(opts: { default?: number; min: number; max: number; expected?: string }): EnvVar<number> {
    const expected = opts.expected ?? `an integer from ${opts.min} to ${opts.max}`;
    const base = z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(opts.min).max(opts.max));
    return variable(
      opts.default === undefined ? base : base.optional().transform((v) => v ?? (opts.default as number)),
      expected,
    ) as EnvVar<number>;
  },
  enumeration<const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]): EnvVar<T[number]> {
    const base = z.enum(values);
    return variable(fallback === undefined ? base : base.default(fallback as never), `one of ${values.join(', ')}`) as EnvVar<T[number]>;
  },
  boolean(fallback: boolean): EnvVar<boolean> {
    return variable(
      z
        .enum(['true', 'false', '1', '0'])
        .optional()
        .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1')),
      'true or false',
    );
  },
  matching(pattern: RegExp, fallback: string, expected: string): EnvVar<string> {
    return variable(z.string().regex(pattern).default(fallback), expected);
  },
  /** A URL with a default, for a provider endpoint that tests and the sandbox replace. */
  urlWithDefault(fallback: string, protocols: readonly string[] = ['https:', 'http:']): EnvVar<string> {
    return variable(
      z
        .string()
        .refine((value) => {
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        })
        .default(fallback)
        .transform((value) => value.replace(/\/+$/, '')),
      `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
  },
  /** A comma-separated list of origins (`https://console.example.com`); empty when unset. */
  origins(expected = 'comma-separated origins, e.g. https://console.example.com,https://admin.example.com'): EnvVar<string[]> {
    return variable(
      z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(',')
            .map((origin) => origin.trim())
            .filter((origin) => origin.length > 0),
        )
        .refine((origins) =>
          origins.every((origin) => {
            try {
              const url = new URL(origin);
              return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
            } catch {
              return false;
            }
          }),
        ),
      expected,
    );
  },
  /** An optional secret: features that need it stay off while it is unset; never a default. */
  optionalSecret(expected: string): EnvVar<string | undefined> {
    return variable(z.string().min(1).optional(), expected, true);
  },
  /** A URL whose scheme is one of `protocols`; an optional URL is undefined when unset. */
  url<O extends boolean = false>(opts: {
    protocols: readonly string[];
    optional?: O;
    expected?: string;
  }): EnvVar<O extends true ? string | undefined : string> {
    const expected = opts.expected ?? `a URL starting with ${opts.protocols.map((p) => `${p}//`).join(' or ')}`;
    const schema = z.string().refine((value) => {
      try {
        return opts.protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    });
    return variable(opts.optional ? schema.optional() : schema, expected) as EnvVar<O extends true ? string | undefined : string>;
  },
  /** A required secret: no default, never echoed. */
  secret<T>(schema: z.ZodType<T, string>, expected: string): EnvVar<T> {
    return variable(schema, expected, true);
  },
};
