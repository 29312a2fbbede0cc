export { hasPdftotext, pdfText } from './pdf-text';
export { sampleDossier } from './sample-dossier';
