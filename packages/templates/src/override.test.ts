import { describe, expect, it } from 'vitest';
import { createEmailRenderer } from './renderer';
import { sampleFor } from './testing/sample-email-data';

const renderer = createEmailRenderer();

const document = (content: string): string => `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
${content}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

describe('validateTemplateOverride', () => {
  it('accepts valid wording and renders it with the same renderEmail', async () => {
    const result = await renderer.validateTemplateOverride(
      'nudge',
      'en',
      document('        <mj-text>Hello {{clientName}}, still waiting on:<ul>{{#each asks}}<li>{{sentence}}</li>{{/each}}</ul></mj-text>'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const email = await renderer.renderEmail('nudge', 'en', sampleFor('nudge', '<b>x</b>'), { override: result.compiled });
    expect(email.html).toContain(
      'Hello &lt;b&gt;x&lt;/b&gt;, still waiting on:<ul><li>&lt;b&gt;x&lt;/b&gt;</li><li>&lt;b&gt;x&lt;/b&gt;</li></ul>',
    );
    // The built-in plain-text part is kept when the override does not bring its own.
    expect(email.text).toContain('I am following up on');
  });

  it('reports MJML errors with their line', async () => {
    const result = await renderer.validateTemplateOverride(
      'nudge',
      'en',
      document('        <mj-text colour="red">Hi {{clientName}}</mj-text>'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ part: 'mjml', line: 5, message: 'Attribute colour is illegal' });
  });

  it('rejects an unknown placeholder with its line and the allowed names', async () => {
    const result = await renderer.validateTemplateOverride(
      'payment_reminder',
      'hu',
      document('        <mj-text>Kedves {{clientName}}!</mj-text>\n        <mj-text>Összeg: {{totl}}</mj-text>'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ part: 'mjml', line: 6 });
    expect(result.errors[0]?.message).toContain('{{totl}}');
    expect(result.errors[0]?.message).toMatch(/allowed: .*clientName.*total/);
  });

  it('reports unbalanced blocks and list fields used outside their list', async () => {
    const result = await renderer.validateTemplateOverride(
      'nudge',
      'en',
      document('        <mj-text>{{#if blocks}}Blocks {{blocks}}</mj-text>\n        <mj-text>{{sentence}}</mj-text>'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((error) => `${error.line}: ${error.message}`);
    expect(messages).toContain('5: {{#if blocks}} is never closed');
    expect(messages.some((message) => message.startsWith('6: unknown placeholder {{sentence}}'))).toBe(true);
  });

  it('refuses placeholders where escaping does not protect: links, styles, unquoted attributes', async () => {
    for (const content of [
      '<mj-button href="{{clientName}}">Pay</mj-button>',
      '<mj-text><a href="https://x.example/{{clientName}}">pay</a></mj-text>',
      '<mj-text><span style="color:{{clientName}}">x</span></mj-text>',
      '<mj-text><span title={{clientName}}>x</span></mj-text>',
    ]) {
      const result = await renderer.validateTemplateOverride('nudge', 'en', document(`        ${content}`));
      expect(result.ok, content).toBe(false);
    }
    const quotedTitle = await renderer.validateTemplateOverride(
      'nudge',
      'en',
      document('        <mj-text><span title="{{clientName}}">x</span></mj-text>'),
    );
    expect(quotedTitle.ok).toBe(true);
  });

  it('reports a placeholder that MJML would drop because it sits outside any content element', async () => {
    const result = await renderer.validateTemplateOverride(
      'nudge',
      'en',
      document('        {{clientName}}\n        <mj-text>Hi</mj-text>'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ line: 5, message: expect.stringContaining('would be dropped') }));
  });

  it('checks an overriding subject and text part too, and uses them', async () => {
    const bad = await renderer.validateTemplateOverride('nudge', 'en', {
      mjml: document('<mj-text>Hi</mj-text>'),
      subject: 'Waiting {{clientNme}}',
      text: 'Hi\n{{#each asks}}',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((error) => [error.part, error.line])).toEqual([
        ['subject', 1],
        ['text', 2],
      ]);
    }
    const good = await renderer.validateTemplateOverride('nudge', 'en', {
      mjml: document('<mj-text>Hi</mj-text>'),
      subject: 'Waiting on {{clientName}}',
      text: 'Hi {{clientName}}',
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    const email = await renderer.renderEmail('nudge', 'en', sampleFor('nudge'), { override: good.compiled });
    expect(email).toMatchObject({ subject: 'Waiting on Kovács Anna', text: 'Hi Kovács Anna\n' });
  });

  it('refuses to render an override compiled for another kind or locale', async () => {
    const result = await renderer.validateTemplateOverride('nudge', 'hu', document('<mj-text>Szia</mj-text>'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await expect(renderer.renderEmail('nudge', 'en', sampleFor('nudge'), { override: result.compiled })).rejects.toThrow(/nudge\/hu/);
  });
});
