import { type CompiledTemplate, compileTemplate, type TemplateError } from './compile';
import { EMAIL_KINDS, EMAIL_LOCALES, type EmailKind, type EmailLocale } from './kinds';
import { tidyPlainText } from './layout';
import { compileMjmlStrict, type MjmlCompiler } from './mjml-compiler';
import { buildViewModel, builtInTemplateSources, type EmailDataByKind, type TemplateSources } from './registry';
import { escapeHtml, replySubject, toSafeLine } from './sanitize';
import { fillTemplate } from './template-fill';
import { parseTemplate } from './template-language';
import type { ViewModel } from './view-model';

export interface RenderOptions {
  /** Replying in a thread: its subject is kept, with one "Re: " in front. */
  readonly threadSubject?: string;
  /** A workspace's own wording, from validateTemplateOverride; must match kind and locale. */
  readonly override?: CompiledTemplate;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** An operator's wording: the MJML body, and optionally their own subject and plain-text part. */
export interface TemplateOverrideSource {
  readonly mjml: string;
  readonly subject?: string;
  readonly text?: string;
}

export type OverrideValidation =
  | { readonly ok: true; readonly compiled: CompiledTemplate }
  | { readonly ok: false; readonly errors: TemplateError[] };

export interface EmailRenderer {
  /** Compiles the template on first use (once per kind × locale), then only fills it. */
  renderEmail<Kind extends EmailKind>(
    kind: Kind,
    locale: EmailLocale,
    data: EmailDataByKind[Kind],
    options?: RenderOptions,
  ): Promise<RenderedEmail>;
  /** Fills an already compiled template; synchronous, no MJML involved. */
  renderCompiled<Kind extends EmailKind>(
    compiled: CompiledTemplate,
    kind: Kind,
    data: EmailDataByKind[Kind],
    options?: Omit<RenderOptions, 'override'>,
  ): RenderedEmail;
  compiledTemplate(kind: EmailKind, locale: EmailLocale): Promise<CompiledTemplate>;
  /** Compiles every built-in template, e.g. at start-up so a broken one fails the boot, not a send. */
  precompileAll(): Promise<void>;
  validateTemplateOverride(kind: EmailKind, locale: EmailLocale, source: string | TemplateOverrideSource): Promise<OverrideValidation>;
  /** The slow path, for benchmarks only: fills the MJML source and runs MJML for this one email. */
  renderEmailUncompiled<Kind extends EmailKind>(
    kind: Kind,
    locale: EmailLocale,
    data: EmailDataByKind[Kind],
    options?: Omit<RenderOptions, 'override'>,
  ): Promise<RenderedEmail>;
  /** How many times MJML ran, for tests and benchmarks. */
  mjmlCompilations(): number;
}

export function createEmailRenderer(options: { readonly compileMjml?: MjmlCompiler } = {}): EmailRenderer {
  const baseCompiler = options.compileMjml ?? compileMjmlStrict;
  let compilations = 0;
  const compileMjml: MjmlCompiler = (source) => {
    compilations += 1;
    return baseCompiler(source);
  };
  const cache = new Map<string, Promise<CompiledTemplate>>();
  // The same templates once compiled, for rendering without waiting on a settled promise (a
  // microtask per email, a sixth of the whole render once everything else was cheap).
  const ready = new Map<string, CompiledTemplate>();

  const compiledTemplate = (kind: EmailKind, locale: EmailLocale): Promise<CompiledTemplate> => {
    const key = `${kind}:${locale}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = compileBuiltIn(kind, locale, compileMjml);
      pending.then(
        (compiled) => ready.set(key, compiled),
        () => undefined,
      );
      // A failed compilation is not cached, so a later call reports the same problem again.
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  };

  const renderCompiled: EmailRenderer['renderCompiled'] = (compiled, kind, data, renderOptions = {}) => {
    if (compiled.kind !== kind) throw new Error(`template is for ${compiled.kind}, not ${kind}`);
    const view = buildViewModel(kind, compiled.locale, data);
    const subject = subjectFor(compiled, view, renderOptions.threadSubject);
    // buildViewModel returns a new object per call, so the subject is added to it in place
    // (an object spread here cost more than filling the HTML).
    const model: ViewModel = Object.assign(view, { subject });
    return {
      subject,
      html: fillTemplate(compiled.html, model, escapeHtml),
      text: tidyPlainText(fillTemplate(compiled.text, model, toSafeLine)),
    };
  };

  return {
    compiledTemplate,
    renderCompiled,
    async renderEmail(kind, locale, data, renderOptions = {}) {
      const { override, ...rest } = renderOptions;
      if (override && (override.kind !== kind || override.locale !== locale)) {
        throw new Error(`override is for ${override.kind}/${override.locale}, not ${kind}/${locale}`);
      }
      return renderCompiled(override ?? ready.get(`${kind}:${locale}`) ?? (await compiledTemplate(kind, locale)), kind, data, rest);
    },
    async precompileAll() {
      await Promise.all(EMAIL_KINDS.flatMap((kind) => EMAIL_LOCALES.map((locale) => compiledTemplate(kind, locale))));
    },
    async validateTemplateOverride(kind, locale, source) {
      const builtIn = builtInTemplateSources(kind, locale);
      const override = typeof source === 'string' ? { mjml: source } : source;
      const sources: TemplateSources = {
        mjml: override.mjml,
        subject: override.subject ?? builtIn.subject,
        text: override.text ?? builtIn.text,
      };
      return compileTemplate(kind, locale, sources, 'override', compileMjml);
    },
    async renderEmailUncompiled(kind, locale, data, renderOptions = {}) {
      const compiled = await compiledTemplate(kind, locale);
      const rendered = renderCompiled(compiled, kind, data, renderOptions);
      const mjmlSource = parseTemplate(builtInTemplateSources(kind, locale).mjml).nodes;
      const model: ViewModel = Object.assign(buildViewModel(kind, locale, data), { subject: rendered.subject });
      return { ...rendered, html: await compileMjml(fillTemplate(mjmlSource, model, escapeHtml)) };
    },
    mjmlCompilations: () => compilations,
  };
}

async function compileBuiltIn(kind: EmailKind, locale: EmailLocale, compileMjml: MjmlCompiler): Promise<CompiledTemplate> {
  const result = await compileTemplate(kind, locale, builtInTemplateSources(kind, locale), 'built-in', compileMjml);
  if (!result.ok) {
    const details = result.errors.map((error) => `${error.part}${error.line === undefined ? '' : `:${error.line}`} ${error.message}`);
    throw new Error(`built-in template ${kind}/${locale} does not compile:\n${details.join('\n')}`);
  }
  return result.compiled;
}

function subjectFor(compiled: CompiledTemplate, view: ViewModel, threadSubject: string | undefined): string {
  if (threadSubject !== undefined && toSafeLine(threadSubject).trim().length > 0) return replySubject(threadSubject);
  return fillTemplate(compiled.subject, view, toSafeLine).replace(/\s+/g, ' ').trim();
}
