import { describe, expect, it } from 'vitest';
import { dossierPdf } from './pdf';
import { hasPdftotext, pdfText as textOf } from './testing/pdf-text';
import { sampleDossier } from './testing/sample-dossier';

describe('dossierPdf', () => {
  it('is a PDF', async () => {
    const pdf = await dossierPdf(sampleDossier(), 'hu');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(!hasPdftotext)('keeps ő, ű, Ő, Ű and € extractable, with the verification line on the first page', async () => {
    const base = sampleDossier();
    const text = textOf(await dossierPdf({ ...base, client: { ...base.client, name: 'ŐRSÉG ŰRHAJÓ Kővári Zsűri Kft.' } }, 'hu'));
    const firstPage = text.split('\f')[0] ?? '';
    expect(firstPage).toContain('ŐRSÉG ŰRHAJÓ Kővári Zsűri Kft.');
    expect(firstPage).toContain('Auditnapló ellenőrizve: 12 esemény, sértetlen');
    expect(text).toContain('már fizetett, 1 200 € jóváírva');
    expect(text).toContain('HU-1');
    expect(textOf(await dossierPdf(base, 'en'))).toContain('€1,200.00');
  });

  it.skipIf(!hasPdftotext)('flows long texts onto numbered pages', async () => {
    const base = sampleDossier();
    const long = Array.from({ length: 60 }, (_, i) => `${i + 1}. mondat, amely hosszabb a sornál és ezért tördelni kell őt szépen.`).join(
      ' ',
    );
    const incidents = Array.from({ length: 12 }, (_, i) => ({
      ...(base.incidents[0] ?? ({} as never)),
      id: `i${i}`,
      summary: `${i}: ${long}`,
    }));
    const text = textOf(await dossierPdf({ ...base, incidents }, 'en'));
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).toContain('60. mondat');
  });
});
