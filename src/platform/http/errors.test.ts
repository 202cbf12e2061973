import { describe, expect, it } from 'vitest';
import { describeIssue } from './errors.js';

/** Field messages read by people filling in a form (issue 19): no validator names or raw types. */
describe('describeIssue', () => {
  it('names no validator for a pattern mismatch', () => {
    expect(describeIssue({ code: 'invalid_format', format: 'regex' }, 'zh')).toBe('格式不正确');
    expect(describeIssue({ code: 'invalid_format', format: 'regex' }, 'en')).toBe('Invalid format');
    expect(describeIssue({ code: 'invalid_format', format: 'email' }, 'zh')).toBe('请输入有效的电子邮箱');
  });

  it('says a missing field is required, in words', () => {
    expect(describeIssue({ code: 'invalid_type', expected: 'string' }, 'zh')).toBe('必填，应为文字');
    expect(describeIssue({ code: 'invalid_type', expected: 'object' }, 'zh')).toBe('必填');
    expect(describeIssue({ code: 'invalid_type', expected: 'number' }, 'zh')).toBe('必填，应为数字');
    expect(describeIssue({ code: 'invalid_type', expected: 'number' }, 'en')).toBe('Required: a number');
  });
});
