import { describe, expect, it } from 'vitest';
import { compileMjmlStrict, type MjmlCompiler } from './mjml-compiler';
import { createEmailRenderer } from './renderer';
import { sampleFor } from './testing/sample-email-data';

function countingCompiler(): { compiler: MjmlCompiler; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    compiler: (source) => {
      calls.push(source);
      return compileMjmlStrict(source);
    },
  };
}

describe('compile once, fill per email', () => {
  it('runs MJML once per template × locale, however many emails are rendered, even concurrently', async () => {
    const { compiler, calls } = countingCompiler();
    const renderer = createEmailRenderer({ compileMjml: compiler });
    const names = Array.from({ length: 25 }, (_, index) => `Client ${index}`);
    const emails = await Promise.all(names.map((clientName) => renderer.renderEmail('nudge', 'en', { ...sampleFor('nudge'), clientName })));
    await renderer.renderEmail('nudge', 'hu', sampleFor('nudge'));
    expect(calls).toHaveLength(2);
    expect(renderer.mjmlCompilations()).toBe(2);
    expect(emails[7]?.html).toContain('Dear Client 7,');
  });

  it('the comparison path runs MJML for every email', async () => {
    const { compiler, calls } = countingCompiler();
    const renderer = createEmailRenderer({ compileMjml: compiler });
    await renderer.renderEmailUncompiled('work_paused', 'en', sampleFor('work_paused'));
    await renderer.renderEmailUncompiled('work_paused', 'en', sampleFor('work_paused'));
    // One compilation of the template, then one per email.
    expect(calls).toHaveLength(3);
    expect(calls[2]).toContain('Kovács Anna');
  });

  it('precompiles every built-in template at start-up', async () => {
    const { compiler, calls } = countingCompiler();
    const renderer = createEmailRenderer({ compileMjml: compiler });
    await renderer.precompileAll();
    expect(calls).toHaveLength(18);
    await renderer.renderEmail('closing_report', 'hu', sampleFor('closing_report'));
    expect(calls).toHaveLength(18);
  });

  it('a failing compiler fails the render with the template named, and is retried next time', async () => {
    let fail = true;
    const renderer = createEmailRenderer({
      compileMjml: (source) => (fail ? Promise.reject(new Error('boom')) : compileMjmlStrict(source)),
    });
    await expect(renderer.renderEmail('nudge', 'en', sampleFor('nudge'))).rejects.toThrow('boom');
    fail = false;
    await expect(renderer.renderEmail('nudge', 'en', sampleFor('nudge'))).resolves.toMatchObject({ subject: expect.any(String) });
  });
});
