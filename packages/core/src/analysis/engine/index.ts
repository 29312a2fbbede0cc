export { ANALYSIS_WINDOW_DAYS, askDeadline, type ClientSummary, type ClientSummaryInput, summarizeClient } from './client';
export { isClientAddress } from './participants';
export { type AnalyzeThreadOptions, analyzeThread } from './thread';
export * from './types';
export { startOfLocalDay } from './zoned';
