/**
 * What a template sees: already formatted text per placeholder. Formatting (money, dates,
 * plurals) happens before filling, per locale, so templates stay free of logic.
 */
export type ViewItem = Readonly<Record<string, string>>;

export type ViewValue = string | boolean | readonly ViewItem[];

export type ViewModel = Readonly<Record<string, ViewValue>>;

/** The placeholders a kind offers: plain values, yes/no switches, and lists with their item fields. */
export interface PlaceholderSchema {
  readonly values: readonly string[];
  readonly flags: readonly string[];
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

/** Every template may show its own subject (the HTML <title> does). */
export const IMPLICIT_VALUES = ['subject'] as const;
