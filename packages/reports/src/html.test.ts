import { describe, expect, it } from 'vitest';
import { dossierHtml } from './html';
import { LABELS } from './labels';
import { sampleDossier } from './testing/sample-dossier';

describe('dossierHtml', () => {
  it('keeps hostile text as text: a script in an incident quote is escaped, never markup', () => {
    const html = dossierHtml(
      sampleDossier({ client: { ...sampleDossier().client, name: 'Evil "Co" <img src=x onerror=alert(1)>' } }),
      'en',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;ő&quot;)&lt;/script&gt;');
    expect(html).toContain('Evil &quot;Co&quot; &lt;img src=x onerror=alert(1)&gt;');
  });

  it('is one self-contained document: inline style, no scripts, nothing loaded from elsewhere', () => {
    const html = dossierHtml(sampleDossier(), 'en');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<(script|link|iframe|object)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
  });

  it.each(['en', 'hu'] as const)('writes the %s headings and puts the chain verification at the top', (locale) => {
    const labels = LABELS[locale];
    const html = dossierHtml(sampleDossier(), locale);
    expect(html).toContain(`<html lang="${locale}">`);
    for (const heading of Object.values(labels.sections)) expect(html).toContain(`<h2>${heading}</h2>`);
    const chain = labels.chainVerified(12);
    expect(html).toContain(chain);
    expect(html.indexOf(chain)).toBeLessThan(html.indexOf('<main>'));
  });

  it('says Hungarian things in Hungarian and English things in English', () => {
    const hu = dossierHtml(sampleDossier(), 'hu');
    expect(hu).toContain('Auditnapló ellenőrizve: 12 esemény, sértetlen');
    expect(hu).toContain('Ügyféldosszié');
    expect(hu).toContain('elutasítva');
    const en = dossierHtml(sampleDossier(), 'en');
    expect(en).toContain('Audit log verified: 12 events, unbroken');
    expect(en).toContain('Payment reminder rejected');
    expect(en).not.toContain('Ügyféldosszié');
  });

  it('reports a broken chain at the event where it breaks', () => {
    const html = dossierHtml(
      sampleDossier({ auditChain: { ok: false, brokenAtSeq: 7, reason: 'event content does not match its hash' } }),
      'en',
    );
    expect(html).toContain('Audit log BROKEN at event #7');
    expect(html).toContain('class="chain broken"');
  });

  it('says so where a section has nothing on record', () => {
    const html = dossierHtml(sampleDossier({ workLog: [] }), 'en');
    expect(html).toMatch(/<h2>Work log<\/h2>\s*<p class="nothing">Nothing on record\.<\/p>/);
  });
});
