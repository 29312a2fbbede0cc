export { type DossierDocument, type DossierTable, dossierDocument } from './document';
export { dossierHtml, escapeHtml } from './html';
export { DOSSIER_LOCALES, type DossierLocale, isDossierLocale } from './labels';
export { dossierPdf } from './pdf';
