import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyPlainText } from './layout';

/** The rule stated plainly, in two passes: the single-pass version must agree with it. */
function tidyInTwoPasses(text: string): string {
  return `${text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

describe('tidyPlainText', () => {
  it('drops trailing blanks and folds the blank lines hidden blocks leave into one', () => {
    expect(tidyPlainText('Hi Anna,  \n\n\n \t\n\nThanks\t\n- one\n\n\n')).toBe('Hi Anna,\n\nThanks\n- one\n');
    expect(tidyPlainText('a\n\nb')).toBe('a\n\nb\n');
  });

  it('agrees with the two-pass rule on any mix of letters, blanks and line breaks', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', 'é'), maxLength: 60 });
    fc.assert(
      fc.property(text, (value) => {
        expect(tidyPlainText(value)).toBe(tidyInTwoPasses(value));
      }),
      { numRuns: 2_000 },
    );
  });
});
