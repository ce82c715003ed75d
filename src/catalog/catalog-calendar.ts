/** The stored working-day calendar (the official data before `init`). */
export { getCalendar as catalogCalendar } from '../calendar/index.js';
