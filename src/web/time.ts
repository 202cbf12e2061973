/**
 * Today and the current year in China time (Asia/Shanghai), whatever the browser's time zone: the
 * server checks dates against China's today (src/platform/time.ts; the UI imports no server code).
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in China as a date-picker value (that calendar day, in the browser's zone). */
export function todayInChina(): Dayjs {
  return dayjs(dayjs().tz(CHINA_TIME_ZONE).format('YYYY-MM-DD'));
}

export function currentYearInChina(): number {
  return todayInChina().year();
}

/** The year a link into a page names (`?year=2025`, e.g. from a scorecard score), else this year. */
export function linkedYearOf(params: URLSearchParams): number {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYearInChina();
}
