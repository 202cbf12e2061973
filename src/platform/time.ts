/**
 * The one clock (时钟). Every calendar date and year in Yufang is a date in China time
 * (Asia/Shanghai, UTC+8), whatever the server's TZ: between 00:00 and 08:00 Beijing time the UTC
 * date is still yesterday. Instants stay instants (`timestamptz`, the database's `now()`); what day
 * or year it is comes from here. Calendar dates are 'YYYY-MM-DD' strings, as in the `date` columns.
 *
 * The clock is the process's: tests stop it with `setClock(fixedClock(…))` (or
 * `createTestApp({ clock })`). A worker thread has a clock of its own: hand it `today()` instead.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The source of the current instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at one instant, e.g. `fixedClock('2025-03-01T00:01:00+08:00')`. */
export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return () => new Date(at);
}

let current: Clock = systemClock;

/** Replaces the process's clock (tests). */
export function setClock(clock: Clock): void {
  current = clock;
}

/** Back to the system clock. */
export function resetClock(): void {
  current = systemClock;
}

/** The current instant. */
export function now(): Date {
  return current();
}

/** The calendar date in China (YYYY-MM-DD) of an instant, by default of now. */
export function today(at: Date = now()): string {
  return dayjs(at).tz(CHINA_TIME_ZONE).format('YYYY-MM-DD');
}

/** The year in China of an instant, by default of now. */
export function currentYear(at: Date = now()): number {
  return Number(today(at).slice(0, 4));
}

/** A calendar date lies after today in China (a "future date"). */
export function isAfterToday(date: string, at: Date = now()): boolean {
  return date > today(at);
}

// Calendar arithmetic works on the date alone, as UTC midnight, so no time zone can shift it. It
// stays on Date.UTC rather than dayjs: the data generator calls addDays per row (dayjs: 4× slower).
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(date: string): Date {
  const m = DATE.exec(date);
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!at || formatDate(at) !== date) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return at;
}

function formatDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whole days from one date to a later one (negative when earlier): 2026-12-01 → 2026-12-07 is 6. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const at = utcMidnight(date);
  at.setUTCDate(at.getUTCDate() + days);
  return formatDate(at);
}

/** Months later (or earlier); the 31st becomes the month's last day where the month is shorter. */
export function addMonths(date: string, months: number): string {
  const at = utcMidnight(date);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return formatDate(at);
}

/** Years later (or earlier); 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  return addMonths(date, 12 * years);
}

/** The instant a China-time calendar day begins (China keeps UTC+8 all year: no summer time). */
export function startOfDay(date: string): Date {
  if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(`${date}T00:00:00+08:00`);
}
