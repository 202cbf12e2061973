import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentYearInChina, todayInChina } from './time';

const savedTz = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('the UI’s today is China’s, whatever the browser’s time zone', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('in %s', (tz) => {
    process.env.TZ = tz;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-12-31T16:01:00Z')); // 00:01 on 1 January 2025, Beijing time
    expect(todayInChina().format('YYYY-MM-DD')).toBe('2025-01-01');
    expect(currentYearInChina()).toBe(2025);
    vi.setSystemTime(new Date('2024-12-31T15:59:00Z'));
    expect(todayInChina().format('YYYY-MM-DD')).toBe('2024-12-31');
  });
});
