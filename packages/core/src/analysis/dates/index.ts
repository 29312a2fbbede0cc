export {
  addCivilDays,
  type CivilDate,
  civilDaysBetween,
  formatIsoDate,
  isIsoDate,
  isWorkingDay,
  localDateOf,
  nextWorkingDayAfter,
  onOrNextWorkingDay,
  parseIsoDate,
} from './calendar';
export { findDates, MAX_DATE_SCAN_CHARS, scanDates } from './find-dates';
export { foldForMatching } from './fold';
export type { DateLanguage, DateScan, FindDatesOptions, FoundDate } from './types';
