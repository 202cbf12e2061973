import { describe, expect, it } from 'vitest';
import { ageBandAt, maskedPersonFields, maskIdNumber, maskPhone } from './mask.js';

describe('masking', () => {
  it('hides the birth date and the sex digit of a 身份证号 unless the sex is shown anyway', () => {
    expect(maskIdNumber('35010219900101123X')).toBe('350102********12*X');
    expect(maskIdNumber('35010219900101123X', { revealsSex: true })).toBe('350102********123X');
    expect(maskIdNumber('350102900101123')).toBe('350102******12*');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('gives an age band at a date, counting whole years', () => {
    expect(ageBandAt('1990-06-15', '2015-06-14')).toBe('16-24');
    expect(ageBandAt('1990-06-15', '2015-06-15')).toBe('25-34');
    expect(ageBandAt('1960-01-01', '2020-01-01')).toBe('60+');
  });

  it('withholds birth date and sex beside a masked number', () => {
    const person = {
      idNumber: '35010219900101123X',
      personName: '张三',
      sex: 'male',
      birthDate: '1990-01-01',
    };
    expect(maskedPersonFields(person, '2024-05-01', false)).toEqual({
      idNumber: '350102********12*X',
      personName: '张*',
      sex: null,
      birthDate: null,
      ageBand: '25-34',
      isMasked: true,
    });
    expect(maskedPersonFields(person, '2024-05-01', true)).toMatchObject({ ...person, isMasked: false });
  });
});
