import type { Department } from '../organisations/organisations.tables.js';

export interface TemplateField {
  key: string;
  label: string;
  labelEn: string;
  type: 'number' | 'text';
}

const narrative: TemplateField = {
  key: 'narrative',
  label: '工作情况（文字）',
  labelEn: 'Account of the year’s work',
  type: 'text',
};

/**
 * The yearly report of each member unit type (J 附件1 三 成员单位职责): which figures and accounts
 * it owes the joint meeting. Departments not listed use the general template (an account only).
 */
export const REPORT_TEMPLATES: Record<string, { name: string; fields: TemplateField[] }> = {
  hrss: {
    name: '人力资源社会保障部门',
    fields: [
      { key: 'insured', label: '工伤保险参保人数', labelEn: 'Insured persons', type: 'number' },
      { key: 'fundIncomeYuan', label: '基金收入（元）', labelEn: 'Fund revenue (yuan)', type: 'number' },
      {
        key: 'fundExpenditureYuan',
        label: '基金支出（元）',
        labelEn: 'Fund expenditure (yuan)',
        type: 'number',
      },
      { key: 'determinations', label: '工伤认定（件）', labelEn: 'Injury determinations', type: 'number' },
      { key: 'appraisals', label: '劳动能力鉴定（件）', labelEn: 'Disability appraisals', type: 'number' },
      narrative,
    ],
  },
  health: {
    name: '卫生健康部门',
    fields: [
      {
        key: 'diagnoses',
        label: '职业病诊断（例）',
        labelEn: 'Occupational-disease diagnoses',
        type: 'number',
      },
      {
        key: 'pneumoconiosis',
        label: '其中尘肺病（例）',
        labelEn: 'Of which pneumoconiosis',
        type: 'number',
      },
      {
        key: 'hazardMonitoredEmployers',
        label: '职业病危害监测单位（家）',
        labelEn: 'Employers monitored for hazards',
        type: 'number',
      },
      narrative,
    ],
  },
  emergency: {
    name: '应急管理部门',
    fields: [
      {
        key: 'accidents',
        label: '生产安全事故（起）',
        labelEn: 'Safety-production accidents',
        type: 'number',
      },
      { key: 'deaths', label: '死亡（人）', labelEn: 'Deaths', type: 'number' },
      { key: 'inspections', label: '执法检查（次）', labelEn: 'Inspections', type: 'number' },
      narrative,
    ],
  },
  finance: {
    name: '财政部门',
    fields: [
      {
        key: 'preventionBudgetYuan',
        label: '工伤预防费预算（元）',
        labelEn: 'Prevention-fee budget (yuan)',
        type: 'number',
      },
      {
        key: 'preventionPaidYuan',
        label: '工伤预防费拨付（元）',
        labelEn: 'Prevention fee paid (yuan)',
        type: 'number',
      },
      narrative,
    ],
  },
  industry: {
    name: '工业和信息化部门',
    fields: [
      {
        key: 'keyEnterprises',
        label: '重点行业企业（家）',
        labelEn: 'Key-industry enterprises',
        type: 'number',
      },
      narrative,
    ],
  },
  housing: {
    name: '住房和城乡建设部门',
    fields: [
      {
        key: 'projectsCovered',
        label: '在建项目按项目参保（个）',
        labelEn: 'Construction projects insured per project',
        type: 'number',
      },
      narrative,
    ],
  },
  transport: {
    name: '交通运输部门',
    fields: [
      {
        key: 'enterprisesCovered',
        label: '交通运输企业覆盖（家）',
        labelEn: 'Transport enterprises covered',
        type: 'number',
      },
      narrative,
    ],
  },
  union: {
    name: '工会',
    fields: [
      {
        key: 'activities',
        label: '宣传培训活动（场）',
        labelEn: 'Publicity and training events',
        type: 'number',
      },
      { key: 'participants', label: '参与职工（人次）', labelEn: 'Workers taking part', type: 'number' },
      narrative,
    ],
  },
  general: { name: '通用', fields: [narrative] },
};

export function templateOf(department: Department | null): string {
  return department && department in REPORT_TEMPLATES ? department : 'general';
}
