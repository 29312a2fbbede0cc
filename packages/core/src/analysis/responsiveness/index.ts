/** Responsiveness statistics of a client from its asks' timings (PRODUCT §3). */
export { responsiveness } from './responsiveness';
export type { AskTiming, LatencyTrend, OpenAsk, Responsiveness, ResponsivenessOptions, TrendDirection } from './types';
