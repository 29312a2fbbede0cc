import type { ClientDossier } from '@firmly/db';
import { type DossierDocument, dossierDocument } from './document';
import type { DossierLocale } from './labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value goes through here: client names, quotes and reasons are other people's text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

// Inline, because the page is served with `default-src 'none'; style-src 'unsafe-inline'` and
// saved or printed on its own: it loads nothing.
const STYLE = `
  :root { color-scheme: light; }
  body { font: 10.5pt/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #c9ced6; padding-bottom: .2rem; break-after: avoid; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .75rem 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  .chain { padding: .5rem .75rem; border-radius: 4px; font-weight: 600; margin: 1rem 0; }
  .chain.ok { background: #e6f4ea; border: 1px solid #7cc38f; }
  .chain.broken { background: #fde7e7; border: 1px solid #d9534f; color: #8a1c1c; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid #e3e6ea; }
  th { font-size: .85em; text-transform: uppercase; letter-spacing: .03em; color: #555d68; }
  td { white-space: pre-wrap; overflow-wrap: anywhere; }
  tr { break-inside: avoid; }
  p.nothing { color: #6b7380; font-style: italic; }
  @page { size: A4; margin: 18mm 15mm; }
  @media print { body { margin: 0; max-width: none; } }
`;

/**
 * The dossier as one self-contained, printable HTML document: inline CSS, no scripts, nothing
 * loaded from anywhere, every value escaped. The chain verification comes first, under the title.
 */
export function dossierHtml(dossier: ClientDossier, locale: DossierLocale): string {
  return renderHtml(dossierDocument(dossier, locale));
}

function renderHtml(doc: DossierDocument): string {
  const e = escapeHtml;
  const facts = doc.facts.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('');
  const sections = doc.sections
    .map((section) => {
      const body =
        section.rows.length === 0
          ? `<p class="nothing">${e(doc.nothing)}</p>`
          : `<table><thead><tr>${section.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>${section.rows
              .map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`)
              .join('\n')}</tbody></table>`;
      return `<section><h2>${e(section.heading)}</h2>\n${body}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${e(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${doc.title} — ${doc.clientName}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(doc.title)}: ${e(doc.clientName)}</h1>
<p class="chain ${doc.chain.ok ? 'ok' : 'broken'}">${e(doc.chain.line)}</p>
<dl class="facts">${facts}</dl>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}
