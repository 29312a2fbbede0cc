export { closingReportFilename, closingReportPdf } from './closing-report-pdf';
export { type DossierDocument, type DossierTable, dossierDocument } from './document';
export { type AttachmentSource, attachmentNames, type EmailAttachment, emailAttachments } from './email-attachments';
export { dossierHtml, escapeHtml } from './html';
export { DOSSIER_LOCALES, type DossierLocale, isDossierLocale } from './labels';
export { dossierPdf } from './pdf';
