import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  currentYear,
  daysBetween,
  fixedClock,
  isAfterToday,
  now,
  resetClock,
  setClock,
  today,
} from './time.js';

afterEach(() => resetClock());

describe('the clock is China time', () => {
  it('23:59 Beijing time (15:59Z) is still that day', () => {
    setClock(fixedClock('2025-02-28T15:59:00Z'));
    expect(today()).toBe('2025-02-28');
    expect(isAfterToday('2025-03-01')).toBe(true);
    expect(isAfterToday('2025-02-28')).toBe(false);
  });

  it('00:01 Beijing time (16:01Z of the previous UTC day) is already the next day', () => {
    setClock(fixedClock('2025-02-28T16:01:00Z'));
    expect(now().toISOString()).toBe('2025-02-28T16:01:00.000Z');
    expect(today()).toBe('2025-03-01');
    expect(isAfterToday('2025-03-01')).toBe(false);
  });

  it('the year turns at midnight in Beijing, not in London', () => {
    setClock(fixedClock('2024-12-31T16:01:00Z'));
    expect(currentYear()).toBe(2025);
    expect(currentYear(new Date('2024-12-31T15:59:00Z'))).toBe(2024);
  });

  it('fixedClock takes an offset and refuses nonsense', () => {
    expect(today(fixedClock('2025-03-01T00:01:00+08:00')())).toBe('2025-03-01');
    expect(() => fixedClock('yesterday')).toThrow(RangeError);
  });

  it('does not depend on the server’s time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(today(new Date('2025-02-28T16:01:00Z'))).toBe('2025-03-01');
        expect(today(new Date('2025-02-28T15:59:00Z'))).toBe('2025-02-28');
        expect(addDays('2025-03-09', 1)).toBe('2025-03-10');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('calendar arithmetic', () => {
  it('29 February plus years is 28 February when the year has none', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2025-06-30', 3)).toBe('2028-06-30');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('adds months, ending on the month’s last day where it is shorter', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addYears('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2025-2-1', 1)).toThrow(RangeError);
    expect(() => addDays('2025-03-01T00:00:00Z', 1)).toThrow(RangeError);
  });
});

describe('days between dates', () => {
  it('counts calendar days across a month end and a leap day, negative backwards', () => {
    expect(daysBetween('2026-12-01', '2026-12-07')).toBe(6);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-31', '2025-12-31')).toBe(-31);
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
