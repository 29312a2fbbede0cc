/**
 * Legal footers companies append to every message ("This email and any attachments are
 * confidential…", "Ez az e-mail … bizalmas …"). They are boilerplate, not what the sender
 * wrote, and their "if you are not the intended recipient, please notify…" reads like a
 * request to anyone looking for asks. Each pattern needs the notice's own vocabulary (the
 * message + confidential/intended recipient/received in error), so a sentence that merely
 * says "this is confidential" stays text.
 */
const NOTICES: readonly RegExp[] = [
  /\b(?:confidentiality|legal|privacy|e-?mail) (?:notice|disclaimer|warning)\b/u,
  /^(?:disclaimer|confidential(?:ity)?|nyilatkozat|jogi nyilatkozat|titoktartási nyilatkozat)\s*[:.-]/u,
  /\b(?:this|the) (?:e-?mail|message|communication|transmission)\b[^.]{0,120}\b(?:is|are|may be|contains?)\b[^.]{0,60}\b(?:confidential|privileged|intended (?:solely|only|exclusively))/u,
  /\bif you (?:are not|have received this)[^.]{0,40}(?:intended recipient|in error|by mistake)/u,
  /\b(?:ez az?|jelen|a jelen) (?:e-?mail|üzenet|levél|elektronikus levél)\b[^.]{0,160}\b(?:bizalmas|titkos|kizárólag a címzett)/u,
  /\b(?:amennyiben|ha) (?:ön )?nem (?:ön )?(?:a|az) (?:címzett|címzettje|szándékolt címzett)/u,
  /\btévedésből (?:kapta|kaptad|érkezett|jutott)/u,
  /\bdiese (?:e-?mail|nachricht)\b[^.]{0,120}\b(?:vertraulich|rechtlich geschützte)/u,
  /\bwenn sie nicht der (?:richtige|beabsichtigte|vorgesehene) (?:adressat|empfänger)/u,
  /\bce (?:message|courriel|e-?mail)\b[^.]{0,120}\b(?:confidentiel|strictement réservé)/u,
  /\b(?:le )?informazioni contenute in questo messaggio\b/u,
  /\beste (?:mensaje|correo)\b[^.]{0,120}\bconfidencial/u,
];

/**
 * A word every notice above contains: one cheap test per paragraph, so ordinary paragraphs
 * (nearly all of them) skip lower-casing and the dozen patterns.
 */
const NOTICE_VOCABULARY =
  /notice|disclaimer|warning|nyilatkozat|confiden|privileged|intended|in\s+error|by\s+mistake|bizalmas|titkos|címzett|tévedésből|vertraulich|geschützte|empfänger|adressat|réservé|informazioni/i;

/** Whether a paragraph (a few lines, lower-cased by the caller) opens a legal notice. */
export function isDisclaimer(paragraph: string): boolean {
  const head = paragraph.slice(0, 800);
  if (!NOTICE_VOCABULARY.test(head)) return false;
  const text = head.toLowerCase().replace(/\s+/gu, ' ');
  return NOTICES.some((pattern) => pattern.test(text));
}
