import type { exportInjuryCases } from './records.service.js';

type Row = Awaited<ReturnType<typeof exportInjuryCases>>[number];

/**
 * Columns of the injury export. The person columns are those of the list, masked the same way: no
 * birth date and no sex beside a masked 身份证号, only the age band.
 */
export const INJURY_EXPORT_COLUMNS: { zh: string; en: string; value(row: Row): string | number | null }[] = [
  { zh: '认定书编号', en: 'Case number', value: (r) => r.caseNo },
  { zh: '姓名', en: 'Name', value: (r) => r.personName },
  { zh: '身份证号', en: 'ID number', value: (r) => r.idNumber },
  { zh: '性别', en: 'Sex', value: (r) => r.sex },
  { zh: '出生日期', en: 'Birth date', value: (r) => r.birthDate },
  { zh: '年龄段', en: 'Age band', value: (r) => r.ageBand },
  { zh: '岗位', en: 'Post', value: (r) => r.post },
  { zh: '发生日期', en: 'Occurred on', value: (r) => r.occurredOn },
  { zh: '认定日期', en: 'Determined on', value: (r) => r.determinedOn },
  { zh: '认定依据', en: 'Ground', value: (r) => r.ground },
  { zh: '事故类别', en: 'Accident category', value: (r) => r.accidentCategory },
  { zh: '伤害程度', en: 'Severity', value: (r) => r.severity },
  { zh: '伤残等级', en: 'Disability grade', value: (r) => r.disabilityGrade },
  { zh: '工伤保险基金支出（元）', en: 'Fund expenditure (yuan)', value: (r) => r.fundExpenditureFen / 100 },
  { zh: '用人单位', en: 'Employer', value: (r) => r.employerName },
  { zh: '统一社会信用代码', en: 'Credit code', value: (r) => r.employerCreditCode },
  { zh: '管辖区', en: 'Jurisdiction', value: (r) => r.jurisdictionName },
];
