/**
 * The working-day calendar the request clock runs on: the calendar stored in the database
 * (administrators import and correct years), or the shipped official arrangements before `init`.
 */
export { getCalendar as requestCalendar } from '../calendar/get-calendar.js';
