import type { Department } from '../organisations/organisations.tables.js';

/**
 * The checklist each department's inspector works through at an employer during a joint inspection
 * (联合检查; Fujian 三(二)1, Jilin 附件1 三(七)). Data, not rules: a department without its own list
 * uses the common one.
 */
export const INSPECTION_CHECKLISTS: Record<
  Department | 'common',
  { code: string; zh: string; en: string }[]
> = {
  common: [
    { code: 'insured', zh: '职工按规定参加工伤保险', en: 'Workers insured against work injury as required' },
    {
      code: 'training',
      zh: '重点岗位人员经工伤预防培训',
      en: 'Key-post workers trained in injury prevention',
    },
    { code: 'rules', zh: '安全生产规章制度健全并落实', en: 'Safety rules in place and followed' },
  ],
  hrss: [
    { code: 'insured', zh: '职工按规定参加工伤保险', en: 'Workers insured against work injury as required' },
    {
      code: 'injury_reports',
      zh: '工伤事故按时申报认定',
      en: 'Work injuries reported for determination on time',
    },
    {
      code: 'training',
      zh: '重点岗位人员经工伤预防培训',
      en: 'Key-post workers trained in injury prevention',
    },
  ],
  emergency: [
    { code: 'hazard_register', zh: '隐患排查治理台账完整', en: 'Hazard register kept and acted on' },
    { code: 'permits', zh: '危险作业审批制度落实', en: 'Permits for hazardous work enforced' },
    { code: 'drills', zh: '应急预案及演练记录齐全', en: 'Emergency plans and drill records complete' },
  ],
  health: [
    {
      code: 'dust_monitoring',
      zh: '粉尘等职业病危害因素定期检测',
      en: 'Dust and other hazard factors measured regularly',
    },
    { code: 'health_checks', zh: '接害岗位职业健康检查', en: 'Health checks of exposed workers' },
    { code: 'ppe', zh: '个人防护用品配备并正确使用', en: 'Protective equipment issued and worn' },
  ],
  housing: [
    { code: 'scaffolding', zh: '脚手架、临边洞口防护到位', en: 'Scaffolding and edge protection in place' },
    {
      code: 'project_insurance',
      zh: '建设项目按项目参加工伤保险',
      en: 'Construction project insured per project',
    },
  ],
  transport: [
    { code: 'driver_hours', zh: '驾驶员连续驾驶时长符合规定', en: 'Drivers’ hours within the rules' },
    { code: 'vehicle_checks', zh: '营运车辆例行检查记录齐全', en: 'Vehicle inspection records complete' },
  ],
  industry: [{ code: 'equipment', zh: '生产设备安全防护装置完好', en: 'Machine guards in working order' }],
  finance: [],
  union: [{ code: 'worker_voice', zh: '职工安全生产意见渠道畅通', en: 'Workers can raise safety concerns' }],
  social_insurance: [
    { code: 'insured', zh: '职工按规定参加工伤保险', en: 'Workers insured against work injury as required' },
  ],
};

/** The checklist of a department (the common one when it has none of its own). */
export function checklistOf(department: Department | null) {
  const own = department ? INSPECTION_CHECKLISTS[department] : [];
  return own.length > 0 ? own : INSPECTION_CHECKLISTS.common;
}
