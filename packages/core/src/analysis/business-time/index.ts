/** Business time: durations measured in a client's working calendar (PRODUCT §3). */
export { BUSINESS_HOUR, type BusinessCalendar, businessCalendar, SUPPORTED_FROM, SUPPORTED_UNTIL } from './business-calendar';
export { rememberedNextWorkingInstant } from './next-working-memo';
export { type CalendarProblem, validateWorkingCalendar, type WorkingCalendar } from './working-calendar';
