import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { gradeOfAccident, isPneumoconiosis } from '../code-tables/injury-codes.data.js';
import { type Domain, FORMATS } from './formats.js';
import { checkIdNumber, computeIdCheckChar, normalizeIdNumber } from './id-number.js';
import { describeReason } from './row-messages.js';
import { naturalKeyOf, type RowIssue, type RowResult, validateRow } from './validate.js';

/** The submitter may write to Fuzhou and some of its districts; "today" is fixed. */
const context = {
  jurisdictionCodes: new Set(['350100', '350102', '350103', '350105', '350111', '350181']),
  today: '2025-06-30',
};

const EMPLOYER = makeCreditCode('350102', 1000);
const ID_MALE = makeIdNumber('350102', '1985-06-15', 'male', 1);
const ID_FEMALE = makeIdNumber('350102', '1990-02-28', 'female', 2);

/** A valid row of each domain, keyed by column key; tests override single cells. */
const BASE: Record<Domain, Record<string, string>> = {
  employers: {
    creditCode: EMPLOYER,
    name: '福州榕城建筑工程有限公司',
    jurisdictionCode: '350102',
    industryCode: '4710',
    sizeBand: '中型',
    insuranceStatus: '参保',
  },
  headcounts: {
    creditCode: EMPLOYER,
    year: '2024',
    averageInsured: '320',
    averagePaying: '310',
    employees: '335',
  },
  insuredPersons: {
    creditCode: EMPLOYER,
    year: '2024',
    idNumber: ID_FEMALE,
    personName: '李四',
    insuredFrom: '2023-03-01',
  },
  injuries: {
    caseNo: '榕人社工认〔2025〕0001号',
    creditCode: EMPLOYER,
    jurisdictionCode: '350102',
    idNumber: ID_MALE,
    personName: '张三',
    sex: '男',
    birthDate: '1985-06-15',
    post: '架子工',
    occurredOn: '2025-03-14',
    determinedOn: '2025-04-20',
    ground: '14-1',
    accidentCategory: '09',
    severity: '重伤',
    disabilityGrade: '8',
    isDeath: '否',
    fundExpenditureFen: '8650000',
  },
  accidents: {
    accidentNo: 'FZ-2025-0031',
    creditCode: EMPLOYER,
    jurisdictionCode: '350102',
    occurredOn: '2025-06-02',
    category: '10',
    grade: '一般',
    deaths: '1',
    seriousInjuries: '2',
    directLossFen: '1250000.00',
  },
  diseases: {
    caseNo: '闽职诊〔2025〕012号',
    creditCode: EMPLOYER,
    jurisdictionCode: '350102',
    idNumber: ID_FEMALE,
    personName: '李四',
    catalogueVersion: '2013',
    diseaseClass: '职业性尘肺病及其他呼吸系统疾病',
    diseaseName: '矽肺',
    diagnosedOn: '2025-05-08',
    exposureYears: '6.5',
  },
  fund: {
    jurisdictionCode: '350100',
    year: '2024',
    contributionIncomeFen: '1856000000.00',
    benefitExpenditureFen: '1420000000.00',
    preventionFeeSpentFen: '38000000.00',
  },
  contributions: {
    creditCode: EMPLOYER,
    year: '2025',
    insuredFrom: '2012-03-01',
    wageBillFen: '25600000.00',
    premiumsPaidFen: '230400.00',
    benefitsPaidFen: '86000.00',
    arrearsFen: '0.00',
  },
};

function validate(domain: Domain, overrides: Record<string, string> = {}): RowResult {
  return validateRow(domain, { ...BASE[domain], ...overrides }, context);
}

/** The normalized value of a row that must be valid. */
function validValue(domain: Domain, overrides: Record<string, string> = {}) {
  const result = validate(domain, overrides);
  if (!result.ok) throw new Error(`expected a valid row, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The errors of a row that must be rejected. */
function errorsOf(domain: Domain, overrides: Record<string, string> = {}): RowIssue[] {
  const result = validate(domain, overrides);
  if (result.ok) throw new Error(`expected a rejected row, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The one error of a rejected row, as column and code (params checked separately). */
function oneError(domain: Domain, overrides: Record<string, string>) {
  const errors = errorsOf(domain, overrides);
  expect(errors).toHaveLength(1);
  return errors[0] as RowIssue;
}

describe('the base rows', () => {
  it.each(Object.keys(BASE) as Domain[])('a complete %s row is valid, without warnings', (domain) => {
    const result = validate(domain);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('every column of every domain is covered by the base rows', () => {
    for (const domain of Object.keys(BASE) as Domain[]) {
      expect(Object.keys(BASE[domain]).sort()).toEqual(FORMATS[domain].columns.map((c) => c.key).sort());
    }
  });
});

describe('required and text columns', () => {
  it('an empty or blank required cell is row.required; an absent one too', () => {
    expect(oneError('injuries', { personName: '' })).toEqual({ column: 'personName', code: 'row.required' });
    expect(oneError('injuries', { personName: '   ' })).toEqual({
      column: 'personName',
      code: 'row.required',
    });
    const { caseNo: _omitted, ...withoutCase } = BASE.injuries;
    const result = validateRow('injuries', withoutCase, context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ column: 'caseNo', code: 'row.required' }]);
  });

  it('an empty optional cell is stored as null', () => {
    const value = validValue('injuries', { post: '', disabilityGrade: '' });
    expect(value.post).toBeNull();
    expect(value.disabilityGrade).toBeNull();
    expect(validValue('employers', { sizeBand: '' }).sizeBand).toBeNull();
    expect(validValue('headcounts', { employees: '' }).employees).toBeNull();
  });

  it('text is trimmed; more than 200 characters is row.too_long', () => {
    expect(validValue('injuries', { personName: '  王五  ' }).personName).toBe('王五');
    expect(validValue('injuries', { post: '岗'.repeat(200) }).post).toHaveLength(200);
    expect(oneError('injuries', { post: '岗'.repeat(201) })).toEqual({
      column: 'post',
      code: 'row.too_long',
      params: { max: 200 },
    });
  });

  it('the whole row is checked: every bad cell is reported at once', () => {
    const errors = errorsOf('injuries', {
      personName: '',
      occurredOn: '2025-13-01',
      fundExpenditureFen: 'abc',
    });
    expect(errors.map((e) => e.column).sort()).toEqual(['fundExpenditureFen', 'occurredOn', 'personName']);
  });
});

describe('统一社会信用代码 (credit_code)', () => {
  it('a code with a correct check character is valid and upper-cased', () => {
    expect(validValue('employers', { creditCode: EMPLOYER.toLowerCase() }).creditCode).toBe(EMPLOYER);
  });

  it('a well-formed code whose check character fails is accepted with a warning naming the expected one', () => {
    const result = validate('employers', { creditCode: '91350100M0001TGQXM' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.creditCode).toBe('91350100M0001TGQXM');
    expect(result.warnings).toEqual([
      { column: 'creditCode', code: 'row.credit_code_check', params: { expected: '1' } },
    ]);
    // Changing only the check character of a valid code also warns, with the real one expected.
    const wrong = `${EMPLOYER.slice(0, 17)}${EMPLOYER.endsWith('0') ? '1' : '0'}`;
    expect(validate('injuries', { creditCode: wrong }).warnings).toEqual([
      { column: 'creditCode', code: 'row.credit_code_check', params: { expected: EMPLOYER.charAt(17) } },
    ]);
  });

  it.each([
    ['17 characters', EMPLOYER.slice(0, 17)],
    ['19 characters', `${EMPLOYER}0`],
    ['a letter I (not in the alphabet)', `${EMPLOYER.slice(0, 10)}I${EMPLOYER.slice(11)}`],
    ['a letter in the region code', `91A50100${EMPLOYER.slice(8)}`],
    ['punctuation', `${EMPLOYER.slice(0, 17)}-`],
  ])('a malformed code (%s) is rejected', (_, code) => {
    expect(oneError('employers', { creditCode: code })).toEqual({
      column: 'creditCode',
      code: 'row.credit_code_malformed',
    });
  });
});

describe('公民身份号码 (GB 11643)', () => {
  it('a valid number gives its birth date and sex; the serial parity decides the sex', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'female' });
    expect(checkIdNumber(ID_MALE)).toEqual({ ok: true, birthDate: '1985-06-15', sex: 'male' });
    expect(checkIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true });
  });

  it('the check character follows the weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2', () => {
    expect(computeIdCheckChar('11010519491231002')).toBe('X');
    expect(computeIdCheckChar('44052418800101001')).toBe('4');
  });

  it('a wrong check character is id.check_failed, naming the expected one', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({
      ok: false,
      reason: 'id.check_failed',
      expected: 'X',
    });
    expect(oneError('injuries', { idNumber: '110105194912310021' })).toEqual({
      column: 'idNumber',
      code: 'id.check_failed',
      params: { expected: 'X' },
    });
    expect(describeReason('id.check_failed', 'zh', { expected: 'X' })).toBe('身份证号校验位不符（应为 X）');
  });

  it.each([
    ['30 February', '19850230'],
    ['month 13', '19851301'],
    ['day 00', '19850600'],
    ['before 1900', '18991231'],
  ])('an impossible birth date (%s) is id.bad_date', (_, date) => {
    const body = `350102${date}003`;
    const id = body + computeIdCheckChar(body);
    expect(checkIdNumber(id)).toEqual({ ok: false, reason: 'id.bad_date' });
    expect(errorsOf('injuries', { idNumber: id, birthDate: '' })).toContainEqual({
      column: 'idNumber',
      code: 'id.bad_date',
      params: { expected: undefined },
    });
  });

  it.each([
    ['17 digits', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['X in the middle', '1101051949123X0021'],
    ['16 digits', '1101054912310021'],
    ['letters', 'ABCDEFGHIJKLMNOPQR'],
  ])('a malformed number (%s) is id.malformed', (_, id) => {
    expect(checkIdNumber(id)).toEqual({ ok: false, reason: 'id.malformed' });
    expect(oneError('diseases', { idNumber: id })).toMatchObject({
      column: 'idNumber',
      code: 'id.malformed',
    });
  });

  it('a 15-digit number (1st generation) is converted to 18 digits with its check character', () => {
    expect(normalizeIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(checkIdNumber('110105491231002')).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'female' });
    const value = validValue('injuries', {
      idNumber: '350102850615003',
      birthDate: '1985-06-15',
      sex: '男',
    });
    const expected = `35010219850615003${computeIdCheckChar('35010219850615003')}`;
    expect(value.idNumber).toBe(expected);
    // 15 digits with an impossible date are still refused.
    expect(checkIdNumber('350102850230003')).toEqual({ ok: false, reason: 'id.bad_date' });
  });

  it('a lower-case x is stored upper-case', () => {
    expect(validValue('injuries', { idNumber: ID_MALE.toLowerCase() }).idNumber).toBe(ID_MALE);
    const value = validValue('diseases', {
      idNumber: '11010519491231002x',
    });
    expect(value.idNumber).toBe('11010519491231002X');
  });
});

describe('injury rows: sex and birth date agree with the 身份证号', () => {
  it('a sex that disagrees with the number is row.sex_mismatch', () => {
    expect(oneError('injuries', { sex: '女' })).toEqual({ column: 'sex', code: 'row.sex_mismatch' });
    expect(validValue('injuries', { idNumber: ID_FEMALE, sex: '女', birthDate: '1990-02-28' }).sex).toBe(
      'female',
    );
  });

  it('a birth date that disagrees with the number is row.birth_mismatch', () => {
    expect(oneError('injuries', { birthDate: '1985-06-16' })).toEqual({
      column: 'birthDate',
      code: 'row.birth_mismatch',
    });
  });

  it('an empty birth date is taken from the number', () => {
    expect(validValue('injuries', { birthDate: '' }).birthDate).toBe('1985-06-15');
    expect(validValue('injuries', { idNumber: '110105491231002', sex: '女', birthDate: '' }).birthDate).toBe(
      '1949-12-31',
    );
  });

  it('a bad number is reported once, without a sex or birth mismatch on top', () => {
    expect(errorsOf('injuries', { idNumber: '110105194912310021' })).toEqual([
      { column: 'idNumber', code: 'id.check_failed', params: { expected: 'X' } },
    ]);
  });

  it('a number whose birth date lies in the future is refused', () => {
    const body = '35010220300101003';
    const id = body + computeIdCheckChar(body);
    expect(errorsOf('injuries', { idNumber: id, birthDate: '', sex: '男' })).toContainEqual(
      expect.objectContaining({ column: 'idNumber' }),
    );
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025/3/4', '2025-03-04'],
    ['2025.03.14', '2025-03-14'],
    ['20250314', '2025-03-14'],
    [' 2025-03-14 ', '2025-03-14'],
    ['2024-02-29', '2024-02-29'],
  ])('%s is read as %s', (raw, date) => {
    expect(validValue('injuries', { occurredOn: raw, determinedOn: '2025-04-20' }).occurredOn).toBe(date);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '14/03/2025', '2025-03', 'yesterday', '45730'])(
    '%s is row.bad_date',
    (raw) => {
      expect(oneError('injuries', { occurredOn: raw })).toEqual({
        column: 'occurredOn',
        code: 'row.bad_date',
      });
    },
  );

  it('occurred ≤ determined: the same day is fine, the day before is row.determined_before_occurred', () => {
    expect(
      validValue('injuries', { occurredOn: '2025-04-20', determinedOn: '2025-04-20' }).determinedOn,
    ).toBe('2025-04-20');
    expect(oneError('injuries', { occurredOn: '2025-04-20', determinedOn: '2025-04-19' })).toEqual({
      column: 'determinedOn',
      code: 'row.determined_before_occurred',
    });
  });

  it('determined ≤ today: today is fine, tomorrow is row.future_date', () => {
    expect(validValue('injuries', { determinedOn: context.today }).determinedOn).toBe(context.today);
    expect(oneError('injuries', { determinedOn: '2025-07-01' })).toEqual({
      column: 'determinedOn',
      code: 'row.future_date',
    });
    // A future injury date is refused for itself; the order check needs two valid dates.
    expect(errorsOf('injuries', { occurredOn: '2025-07-01', determinedOn: '2025-07-02' })).toEqual([
      { column: 'occurredOn', code: 'row.future_date' },
      { column: 'determinedOn', code: 'row.future_date' },
    ]);
  });

  it('accidents and diagnoses cannot be dated after today', () => {
    expect(oneError('accidents', { occurredOn: '2026-01-01' })).toEqual({
      column: 'occurredOn',
      code: 'row.future_date',
    });
    expect(oneError('diseases', { diagnosedOn: '2025-07-01' })).toEqual({
      column: 'diagnosedOn',
      code: 'row.future_date',
    });
  });
});

describe('injury rows: ground, category, severity, death, disability grade', () => {
  it('an accident injury needs its GB 6441 category', () => {
    for (const ground of ['14-1', '14-2', '14-3', '14-5', '14-6', '14-7', '15-2', '15-3']) {
      expect(oneError('injuries', { ground, accidentCategory: '' })).toEqual({
        column: 'accidentCategory',
        code: 'row.category_required',
      });
    }
  });

  it('an occupational disease (14-4) or sudden death at work (15-1) needs no category', () => {
    expect(validValue('injuries', { ground: '14-4', accidentCategory: '' }).accidentCategory).toBeNull();
    expect(
      validValue('injuries', {
        ground: '15-1',
        accidentCategory: '',
        severity: '死亡',
        isDeath: '是',
        disabilityGrade: '',
      }).accidentCategory,
    ).toBeNull();
  });

  it('grounds and categories outside the code tables are row.bad_value', () => {
    expect(oneError('injuries', { ground: '14-8' })).toMatchObject({
      column: 'ground',
      code: 'row.bad_value',
    });
    expect(oneError('injuries', { ground: '16-1' })).toMatchObject({
      column: 'ground',
      code: 'row.bad_value',
    });
    expect(oneError('injuries', { accidentCategory: '21' })).toMatchObject({
      column: 'accidentCategory',
      code: 'row.bad_value',
    });
    expect(oneError('injuries', { accidentCategory: '00' })).toMatchObject({
      column: 'accidentCategory',
      code: 'row.bad_value',
    });
    expect(validValue('injuries', { accidentCategory: '20' }).accidentCategory).toBe('20');
  });

  it('is_death must agree with the severity', () => {
    expect(oneError('injuries', { severity: '死亡', isDeath: '否' })).toEqual({
      column: 'isDeath',
      code: 'row.death_mismatch',
    });
    expect(oneError('injuries', { severity: '重伤', isDeath: '是' })).toEqual({
      column: 'isDeath',
      code: 'row.death_mismatch',
    });
    expect(oneError('injuries', { severity: '轻伤', isDeath: 'Y' })).toEqual({
      column: 'isDeath',
      code: 'row.death_mismatch',
    });
    expect(validValue('injuries', { severity: '死亡', isDeath: '是', disabilityGrade: '' })).toMatchObject({
      severity: 'death',
      isDeath: true,
    });
    expect(validValue('injuries', { severity: 'minor', isDeath: 'no' })).toMatchObject({
      severity: 'minor',
      isDeath: false,
    });
  });

  it('a disability grade is 1 to 10', () => {
    expect(validValue('injuries', { disabilityGrade: '1' }).disabilityGrade).toBe(1);
    expect(validValue('injuries', { disabilityGrade: '10' }).disabilityGrade).toBe(10);
    expect(oneError('injuries', { disabilityGrade: '0' })).toEqual({
      column: 'disabilityGrade',
      code: 'row.grade_range',
    });
    expect(oneError('injuries', { disabilityGrade: '11' })).toEqual({
      column: 'disabilityGrade',
      code: 'row.grade_range',
    });
    expect(oneError('injuries', { disabilityGrade: '八' })).toEqual({
      column: 'disabilityGrade',
      code: 'row.bad_integer',
    });
    expect(oneError('injuries', { disabilityGrade: '7.5' })).toEqual({
      column: 'disabilityGrade',
      code: 'row.bad_integer',
    });
  });
});

describe('amounts and counts', () => {
  it.each([
    ['1,234.56', 123456],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    ['12', 1200],
    ['1250000.00', 125000000],
    ['1，234.5', 123450],
    [' 38 000 000.00 ', 3800000000],
    ['0.29', 29],
    ['1.10', 110],
  ])('yuan %s is exactly %i fen', (raw, fen) => {
    expect(validValue('fund', { contributionIncomeFen: raw }).contributionIncomeFen).toBe(fen);
  });

  it.each(['1.234', '-5', '12.', '.5', '1e6', '¥100', 'abc', '1.2.3', '99999999999999999999'])(
    'yuan %s is row.bad_amount',
    (raw) => {
      expect(oneError('fund', { preventionFeeSpentFen: raw })).toEqual({
        column: 'preventionFeeSpentFen',
        code: 'row.bad_amount',
      });
    },
  );

  it('fen and counts are whole numbers ≥ 0 (thousands separators allowed)', () => {
    expect(validValue('injuries', { fundExpenditureFen: '8,650,000' }).fundExpenditureFen).toBe(8650000);
    expect(validValue('injuries', { fundExpenditureFen: '0' }).fundExpenditureFen).toBe(0);
    expect(validValue('headcounts', { averageInsured: '1,320', averagePaying: '1,310' })).toMatchObject({
      averageInsured: 1320,
      averagePaying: 1310,
    });
    for (const raw of ['86500.00', '-1', '1e3', '十']) {
      expect(oneError('injuries', { fundExpenditureFen: raw })).toEqual({
        column: 'fundExpenditureFen',
        code: 'row.bad_integer',
      });
    }
    expect(oneError('headcounts', { averageInsured: '320.5' })).toEqual({
      column: 'averageInsured',
      code: 'row.bad_integer',
    });
  });

  it('more paying than insured persons is a warning, not an error', () => {
    const result = validate('headcounts', { averageInsured: '300', averagePaying: '310' });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ column: 'averagePaying', code: 'row.paying_exceeds_insured' }]);
    expect(validate('headcounts', { averageInsured: '310', averagePaying: '310' }).warnings).toEqual([]);
  });

  it('years of exposure: 0 to 60 with at most one decimal', () => {
    expect(validValue('diseases', { exposureYears: '6.5' }).exposureYears).toBe(6.5);
    expect(validValue('diseases', { exposureYears: '0' }).exposureYears).toBe(0);
    expect(validValue('diseases', { exposureYears: '60' }).exposureYears).toBe(60);
    for (const raw of ['60.1', '61', '6.55', '-1', 'abc', '6,5']) {
      expect(oneError('diseases', { exposureYears: raw })).toEqual({
        column: 'exposureYears',
        code: 'row.bad_decimal',
        params: { max: 60 },
      });
    }
  });
});

describe('accident grade (国务院令第493号)', () => {
  const YUAN = 100; // fen per yuan
  it.each([
    [0, 0, 0, 'ordinary'],
    [2, 9, 9_999_999.99 * YUAN, 'ordinary'],
    [3, 0, 0, 'larger'],
    [9, 0, 0, 'larger'],
    [10, 0, 0, 'major'],
    [29, 0, 0, 'major'],
    [30, 0, 0, 'especially_major'],
    [0, 10, 0, 'larger'],
    [0, 49, 0, 'larger'],
    [0, 50, 0, 'major'],
    [0, 99, 0, 'major'],
    [0, 100, 0, 'especially_major'],
    [0, 0, 10_000_000 * YUAN, 'larger'],
    [0, 0, 49_999_999.99 * YUAN, 'larger'],
    [0, 0, 50_000_000 * YUAN, 'major'],
    [0, 0, 99_999_999.99 * YUAN, 'major'],
    [0, 0, 100_000_000 * YUAN, 'especially_major'],
    [3, 50, 0, 'major'],
    [1, 1, 100_000_000 * YUAN, 'especially_major'],
  ])('%i deaths, %i serious injuries, %i fen → %s', (deaths, serious, fen, grade) => {
    expect(gradeOfAccident(deaths, serious, Math.round(fen))).toBe(grade);
  });

  it('a grade that agrees with casualties and loss is accepted in Chinese or English', () => {
    expect(validValue('accidents', { grade: '一般事故' }).grade).toBe('ordinary');
    expect(validValue('accidents', { grade: '较大', deaths: '3' }).grade).toBe('larger');
    expect(validValue('accidents', { grade: 'major', deaths: '10' }).grade).toBe('major');
    expect(validValue('accidents', { grade: '特别重大事故', deaths: '30' }).grade).toBe('especially_major');
    expect(validValue('accidents', { grade: '较大事故', directLossFen: '10,000,000.00' }).grade).toBe(
      'larger',
    );
  });

  it('a grade that disagrees is row.grade_mismatch naming the grade 493号 gives', () => {
    expect(oneError('accidents', { grade: '一般', deaths: '3' })).toEqual({
      column: 'grade',
      code: 'row.grade_mismatch',
      params: { expected: '较大事故' },
    });
    expect(oneError('accidents', { grade: '较大', deaths: '10' })).toEqual({
      column: 'grade',
      code: 'row.grade_mismatch',
      params: { expected: '重大事故' },
    });
    expect(oneError('accidents', { grade: '重大', deaths: '30' })).toEqual({
      column: 'grade',
      code: 'row.grade_mismatch',
      params: { expected: '特别重大事故' },
    });
    expect(oneError('accidents', { grade: '一般', directLossFen: '10000000' })).toEqual({
      column: 'grade',
      code: 'row.grade_mismatch',
      params: { expected: '较大事故' },
    });
    expect(oneError('accidents', { grade: '较大', deaths: '2', seriousInjuries: '9' })).toEqual({
      column: 'grade',
      code: 'row.grade_mismatch',
      params: { expected: '一般事故' },
    });
  });

  it('no grade check when a count itself is bad', () => {
    expect(errorsOf('accidents', { grade: '特别重大', deaths: 'many' })).toEqual([
      { column: 'deaths', code: 'row.bad_integer' },
    ]);
  });
});

describe('occupational diseases (职业病分类和目录)', () => {
  it('职业性肌肉骨骼疾病 is a class of the 2024 catalogue, not of the 2013 one', () => {
    expect(
      validValue('diseases', {
        catalogueVersion: '2024',
        diseaseClass: '职业性肌肉骨骼疾病',
        diseaseName: '腕管综合征',
      }).diseaseClass,
    ).toBe('职业性肌肉骨骼疾病');
    expect(
      oneError('diseases', {
        catalogueVersion: '2013',
        diseaseClass: '职业性肌肉骨骼疾病',
        diseaseName: '腕管综合征',
      }),
    ).toEqual({
      column: 'diseaseClass',
      code: 'row.disease_class_unknown',
      params: { version: '2013', value: '职业性肌肉骨骼疾病' },
    });
    expect(oneError('diseases', { catalogueVersion: '2024', diseaseClass: '职业性精神病' })).toMatchObject({
      code: 'row.disease_class_unknown',
    });
    expect(
      validValue('diseases', {
        catalogueVersion: '2024',
        diseaseClass: '职业性精神和行为障碍',
        diseaseName: '创伤后应激障碍',
      }).catalogueVersion,
    ).toBe('2024');
  });

  it('a catalogue edition other than 2013 or 2024 is row.bad_value', () => {
    expect(oneError('diseases', { catalogueVersion: '2020' })).toMatchObject({
      column: 'catalogueVersion',
      code: 'row.bad_value',
      params: { value: '2020', allowed: '2013/2024' },
    });
  });

  it('pneumoconiosis is derived from class 1 and the disease name', () => {
    expect(validValue('diseases').isPneumoconiosis).toBe(true);
    expect(validValue('diseases', { diseaseName: '电焊工尘肺' }).isPneumoconiosis).toBe(true);
    expect(validValue('diseases', { diseaseName: '过敏性肺炎' }).isPneumoconiosis).toBe(false);
    expect(
      validValue('diseases', { diseaseClass: '职业性肿瘤', diseaseName: '石棉所致肺癌、间皮瘤' })
        .isPneumoconiosis,
    ).toBe(false);
    expect(isPneumoconiosis('职业性尘肺病及其他呼吸系统疾病', '煤工尘肺')).toBe(true);
    expect(isPneumoconiosis('职业性尘肺病及其他呼吸系统疾病', '石棉肺')).toBe(true);
    expect(isPneumoconiosis('职业性尘肺病及其他呼吸系统疾病', '哮喘')).toBe(false);
    expect(isPneumoconiosis('其他职业病', '矽肺')).toBe(false);
  });
});

describe('jurisdiction, industry and year', () => {
  it('a jurisdiction outside the submitter’s scope (or unknown) is row.jurisdiction_outside', () => {
    expect(validValue('injuries', { jurisdictionCode: '350181' }).jurisdictionCode).toBe('350181');
    expect(oneError('injuries', { jurisdictionCode: '350203' })).toEqual({
      column: 'jurisdictionCode',
      code: 'row.jurisdiction_outside',
      params: { value: '350203' },
    });
    expect(oneError('fund', { jurisdictionCode: '350000' })).toMatchObject({
      code: 'row.jurisdiction_outside',
    });
    expect(oneError('employers', { jurisdictionCode: '999999' })).toMatchObject({
      code: 'row.jurisdiction_outside',
    });
  });

  it('an industry code is a division, group or class of the GB/T 4754-2017 table', () => {
    for (const code of ['47', '471', '4710', '01', '97', '0220', '3963', '6572']) {
      expect(validValue('employers', { industryCode: code }).industryCode).toBe(code);
    }
    // 4799 and 473 have a division (47) but are no group or class of it; 3319 neither.
    for (const code of ['98', '9910', '00', '4', '47101', '47a', '4799', '473', '3319', '0111x']) {
      expect(oneError('employers', { industryCode: code })).toEqual({
        column: 'industryCode',
        code: 'row.industry_unknown',
        params: { value: code },
      });
    }
  });

  it('a section letter before the code is dropped when it is the division’s section', () => {
    expect(validValue('employers', { industryCode: 'C3311' }).industryCode).toBe('3311');
    expect(validValue('employers', { industryCode: 'c3311' }).industryCode).toBe('3311');
    expect(validValue('employers', { industryCode: 'E47' }).industryCode).toBe('47');
    expect(validValue('employers', { industryCode: 'E4710' }).industryCode).toBe('4710');
    expect(oneError('employers', { industryCode: 'D3311' })).toEqual({
      column: 'industryCode',
      code: 'row.industry_section_mismatch',
      params: { value: 'D3311' },
    });
    expect(oneError('employers', { industryCode: 'C3319' })).toMatchObject({ code: 'row.industry_unknown' });
  });

  it('a year is four digits from 1990 to this year', () => {
    expect(validValue('fund', { year: '1990' }).year).toBe(1990);
    expect(validValue('fund', { year: '2025' }).year).toBe(2025);
    for (const year of ['1989', '2026', '25', '2025.0', '二〇二四']) {
      expect(oneError('headcounts', { year })).toEqual({ column: 'year', code: 'row.bad_year' });
    }
  });
});

describe('enums: Chinese and English labels', () => {
  it('Chinese labels and English codes map to the stored code, English in any case', () => {
    expect(validValue('employers', { sizeBand: '微型', insuranceStatus: '未参保' })).toMatchObject({
      sizeBand: 'micro',
      insuranceStatus: 'uninsured',
    });
    expect(validValue('employers', { sizeBand: 'Large', insuranceStatus: 'SUSPENDED' })).toMatchObject({
      sizeBand: 'large',
      insuranceStatus: 'suspended',
    });
    expect(validValue('injuries', { sex: 'male' }).sex).toBe('male');
    expect(validValue('injuries', { sex: 'M' }).sex).toBe('male');
    expect(validValue('injuries', { severity: 'Serious', isDeath: 'N' })).toMatchObject({
      severity: 'serious',
      isDeath: false,
    });
    expect(validValue('injuries', { isDeath: '0' }).isDeath).toBe(false);
    expect(validValue('accidents', { grade: 'Ordinary' }).grade).toBe('ordinary');
  });

  it('a value outside the table is row.bad_value, listing the Chinese labels', () => {
    expect(oneError('employers', { sizeBand: '巨型' })).toEqual({
      column: 'sizeBand',
      code: 'row.bad_value',
      params: { value: '巨型', allowed: '大型/中型/小型/微型' },
    });
    expect(oneError('injuries', { isDeath: '可能' })).toEqual({
      column: 'isDeath',
      code: 'row.bad_value',
      params: { value: '可能', allowed: '0/1/是/否' },
    });
    expect(oneError('injuries', { sex: '未知' })).toMatchObject({ column: 'sex', code: 'row.bad_value' });
    expect(describeReason('row.bad_value', 'zh', { value: '巨型', allowed: '大型/中型/小型/微型' })).toBe(
      '取值不在代码表中：巨型（可选：大型/中型/小型/微型）',
    );
  });

  it('Object.prototype names are not enum labels', () => {
    for (const value of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(oneError('employers', { sizeBand: value })).toMatchObject({
        column: 'sizeBand',
        code: 'row.bad_value',
      });
    }
  });
});

describe('natural keys', () => {
  it('joins the key columns of the domain', () => {
    expect(naturalKeyOf('injuries', validValue('injuries'))).toBe('榕人社工认〔2025〕0001号');
    expect(naturalKeyOf('headcounts', validValue('headcounts'))).toBe(`${EMPLOYER}|2024`);
    expect(naturalKeyOf('fund', validValue('fund'))).toBe('350100|2024');
  });
});

describe('dates as exported by other systems', () => {
  it('accepts 年月日 and a midnight time after the date; refuses another time', () => {
    expect(validValue('injuries', { occurredOn: '2025年3月14日' }).occurredOn).toBe('2025-03-14');
    expect(validValue('injuries', { occurredOn: '2025-03-14 00:00:00' }).occurredOn).toBe('2025-03-14');
    expect(validValue('injuries', { occurredOn: '2025/3/14 00:00' }).occurredOn).toBe('2025-03-14');
    expect(validValue('injuries', { occurredOn: '2025-03-14T00:00:00' }).occurredOn).toBe('2025-03-14');
    expect(oneError('injuries', { occurredOn: '2025-03-14 08:30:00' })).toEqual({
      column: 'occurredOn',
      code: 'row.bad_date',
    });
  });
});

describe('plausibility of injury rows', () => {
  const born1980 = makeIdNumber('350102', '1980-05-01', 'male', 7);
  const born2014 = makeIdNumber('350102', '2014-01-10', 'male', 8);

  it('an injury in 1901 of a person born in 1980 is rejected: before birth and before the earliest date', () => {
    const errors = errorsOf('injuries', { idNumber: born1980, birthDate: '', occurredOn: '1901-03-14' });
    expect(errors).toEqual([
      { column: 'occurredOn', code: 'row.before_birth' },
      { column: 'occurredOn', code: 'row.before_floor', params: { floor: '1990-01-01' } },
    ]);
  });

  it('an 11-year-old worker is rejected with the age and the range', () => {
    expect(oneError('injuries', { idNumber: born2014, birthDate: '', occurredOn: '2025-03-14' })).toEqual({
      column: 'occurredOn',
      code: 'row.age_out_of_range',
      params: { age: 11, min: 16, max: 75 },
    });
    expect(describeReason('row.age_out_of_range', 'zh', { age: 11, min: 16, max: 75 })).toBe(
      '受伤时年龄为 11 岁，不在 16–75 岁的合理范围内',
    );
  });

  it('the range, the earliest date and reject-or-warn come from the jurisdiction’s settings', () => {
    const lenient = {
      ...context,
      plausibility: {
        minAge: 10,
        maxAge: 80,
        ageAction: 'warn' as const,
        earliestDate: '2000-01-01',
        earliestDateAction: 'warn' as const,
      },
    };
    const cells = { ...BASE.injuries, idNumber: born2014, birthDate: '', occurredOn: '2025-03-14' };
    expect(validateRow('injuries', cells, lenient)).toMatchObject({ ok: true, warnings: [] });
    const young = { ...lenient, plausibility: { ...lenient.plausibility, minAge: 12 } };
    expect(validateRow('injuries', cells, young)).toMatchObject({
      ok: true,
      warnings: [
        { column: 'occurredOn', code: 'row.age_out_of_range', params: { age: 11, min: 12, max: 80 } },
      ],
    });
    const accident = validateRow('accidents', { ...BASE.accidents, occurredOn: '1999-12-31' }, lenient);
    expect(accident).toMatchObject({
      ok: true,
      warnings: [{ column: 'occurredOn', code: 'row.before_floor', params: { floor: '2000-01-01' } }],
    });
  });

  it('ages at the edges of the default range: 16 on the birthday, 75 the day before turning 76', () => {
    const bornOn = (birth: string, n: number) => ({
      idNumber: makeIdNumber('350102', birth, 'male', n),
      birthDate: '',
      occurredOn: '2025-03-14',
    });
    expect(validValue('injuries', bornOn('2009-03-14', 11)).occurredOn).toBe('2025-03-14');
    expect(oneError('injuries', bornOn('2009-03-15', 12))).toMatchObject({ params: { age: 15 } });
    expect(validValue('injuries', bornOn('1949-03-15', 13)).occurredOn).toBe('2025-03-14');
    expect(oneError('injuries', bornOn('1949-03-14', 14))).toMatchObject({ params: { age: 76 } });
  });
});
