import { createEmailRenderer, type EmailRenderer } from './renderer';

/** The process-wide renderer: each template is compiled once, on first use or at precompileTemplates(). */
export const defaultRenderer: EmailRenderer = createEmailRenderer();

export const renderEmail: EmailRenderer['renderEmail'] = (kind, locale, data, options) =>
  defaultRenderer.renderEmail(kind, locale, data, options);

export const renderEmailUncompiled: EmailRenderer['renderEmailUncompiled'] = (kind, locale, data, options) =>
  defaultRenderer.renderEmailUncompiled(kind, locale, data, options);

export const validateTemplateOverride: EmailRenderer['validateTemplateOverride'] = (kind, locale, source) =>
  defaultRenderer.validateTemplateOverride(kind, locale, source);

export const precompileTemplates = (): Promise<void> => defaultRenderer.precompileAll();
