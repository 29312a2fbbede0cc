/**
 * Asks (PRODUCT §3): does an outbound message request something from the client — an answer,
 * an approval, feedback, material or a decision? English and Hungarian, from the visible text
 * only (quotes and signatures already stripped). Pure and deterministic.
 */
export { classifySentence } from './classify';
export { detectAsk } from './detect';
export { detectLanguage } from './language';
export { splitSentences } from './sentences';
export type { AskDecision, AskKind, Language, SentenceVerdict } from './types';
