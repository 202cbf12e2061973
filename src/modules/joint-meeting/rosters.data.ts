/**
 * The joint-meeting rosters printed in the source documents (shared/seeds), entered as printed:
 * person, unit (as abbreviated there), title, role. Two-character names that the documents pad
 * with a space (王 喆) are stored without it. Loaded as reference data in every mode.
 */
export type RosterRole = 'convener' | 'director' | 'deputy_director' | 'member' | 'liaison';

import type { Department } from '../organisations/organisations.tables.js';

export interface MemberDepartmentSeed {
  department: Department;
  name: string;
}

export interface RosterEntrySeed {
  role: RosterRole;
  person: string;
  unit: string;
  title: string;
  department: Department;
  officeRole?: 'office_director' | 'office_member';
}

export interface RosterSeed {
  jurisdictionCode: string;
  /** Date of the document that published the roster. */
  effectiveFrom: string;
  source: string;
  departments: MemberDepartmentSeed[];
  entries: RosterEntrySeed[];
}

export const ROSTERS: readonly RosterSeed[] = [
  {
    jurisdictionCode: '350000',
    effectiveFrom: '2021-05-07',
    source: '闽人社文〔2021〕56号 附件：福建省工伤预防联席会议成员名单',
    departments: [
      { department: 'hrss', name: '福建省人力资源和社会保障厅' },
      { department: 'industry', name: '福建省工业和信息化厅' },
      { department: 'finance', name: '福建省财政厅' },
      { department: 'housing', name: '福建省住房和城乡建设厅' },
      { department: 'transport', name: '福建省交通运输厅' },
      { department: 'health', name: '福建省卫生健康委员会' },
      { department: 'emergency', name: '福建省应急管理厅' },
      { department: 'union', name: '福建省总工会' },
      { department: 'social_insurance', name: '福建省社会保险中心' },
    ],
    entries: [
      {
        role: 'convener',
        person: '高榕',
        unit: '省人社厅',
        title: '党组成员、副厅长，一级巡视员',
        department: 'hrss',
      },
      {
        role: 'member',
        person: '吴正斌',
        unit: '省社会保险中心',
        title: '主任，二级巡视员',
        department: 'social_insurance',
      },
      { role: 'member', person: '程小丹', unit: '省人社厅', title: '工伤保险处处长', department: 'hrss' },
      { role: 'member', person: '刘辉', unit: '省工信厅', title: '安办二级调研员', department: 'industry' },
      {
        role: 'member',
        person: '卓辉',
        unit: '省交通运输厅',
        title: '安全监督处四级调研员',
        department: 'transport',
      },
      {
        role: 'member',
        person: '林绍征',
        unit: '省财政厅',
        title: '社会保障处副处长',
        department: 'finance',
      },
      {
        role: 'member',
        person: '陈元豹',
        unit: '省住建厅',
        title: '工程建设管理处处长',
        department: 'housing',
      },
      { role: 'member', person: '鄢培智', unit: '省卫健委', title: '职业健康处副处长', department: 'health' },
      {
        role: 'member',
        person: '景步喜',
        unit: '省应急厅',
        title: '规划财务处处长',
        department: 'emergency',
      },
      {
        role: 'member',
        person: '孙勤',
        unit: '省总工会',
        title: '劳动和经技工作部部长',
        department: 'union',
      },
    ],
  },
  {
    jurisdictionCode: '350100',
    effectiveFrom: '2021-09-27',
    source: '榕人社保〔2021〕188号 附件：福州市工伤预防联席会议成员名单',
    departments: [
      { department: 'hrss', name: '福州市人力资源和社会保障局' },
      { department: 'industry', name: '福州市工业和信息化局' },
      { department: 'finance', name: '福州市财政局' },
      { department: 'housing', name: '福州市城乡建设局' },
      { department: 'transport', name: '福州市交通运输局' },
      { department: 'health', name: '福州市卫生健康委员会' },
      { department: 'emergency', name: '福州市应急管理局' },
      { department: 'union', name: '福州市总工会' },
      { department: 'social_insurance', name: '福州市社会保险中心' },
    ],
    entries: [
      { role: 'convener', person: '熊玉平', unit: '市人社局', title: '二级调研员', department: 'hrss' },
      { role: 'member', person: '陈中钦', unit: '市人社局', title: '工伤保险处处长', department: 'hrss' },
      { role: 'member', person: '林栩', unit: '市社保中心', title: '主任', department: 'social_insurance' },
      { role: 'member', person: '锴言育', unit: '市财政局', title: '社保处副处长', department: 'finance' },
      {
        role: 'member',
        person: '高翔',
        unit: '市卫健委',
        title: '法规监督与职业健康处二级主任科员',
        department: 'health',
      },
      {
        role: 'member',
        person: '李继全',
        unit: '市应急管理局',
        title: '工业安全监管处二级主任科员',
        department: 'emergency',
      },
      {
        role: 'member',
        person: '林韧',
        unit: '市城乡建设局',
        title: '质量安全监管处副处长',
        department: 'housing',
      },
      {
        role: 'member',
        person: '张金保',
        unit: '市交通运输局',
        title: '安全监督处二级主任科员',
        department: 'transport',
      },
      { role: 'member', person: '陈贤文', unit: '市工信局', title: '企业服务处处长', department: 'industry' },
      {
        role: 'member',
        person: '李荣辉',
        unit: '市总工会',
        title: '劳动和经济工作部部长',
        department: 'union',
      },
    ],
  },
  {
    jurisdictionCode: '220000',
    effectiveFrom: '2021-05-27',
    source: '吉人社联〔2021〕55号 附件2：吉林省工伤预防联席会议成员名单',
    departments: [
      { department: 'hrss', name: '吉林省人力资源和社会保障厅' },
      { department: 'industry', name: '吉林省工业和信息化厅' },
      { department: 'finance', name: '吉林省财政厅' },
      { department: 'housing', name: '吉林省住房和城乡建设厅' },
      { department: 'transport', name: '吉林省交通运输厅' },
      { department: 'health', name: '吉林省卫生健康委员会' },
      { department: 'emergency', name: '吉林省应急管理厅' },
      { department: 'union', name: '吉林省总工会' },
      { department: 'social_insurance', name: '吉林省社会保险事业管理局' },
    ],
    entries: [
      {
        role: 'director',
        person: '王喆',
        unit: '省人力资源和社会保障厅',
        title: '党组成员、副厅长，省社会保险事业管理局党组书记、局长',
        department: 'hrss',
      },
      {
        role: 'deputy_director',
        person: '张志林',
        unit: '省财政厅',
        title: '党组成员、副厅长',
        department: 'finance',
      },
      {
        role: 'deputy_director',
        person: '马毅',
        unit: '省工业和信息化厅',
        title: '党组成员、副厅长',
        department: 'industry',
      },
      {
        role: 'deputy_director',
        person: '柴冠',
        unit: '省住房和城乡建设厅',
        title: '党组成员、副厅长',
        department: 'housing',
      },
      {
        role: 'deputy_director',
        person: '张业岩',
        unit: '省交通运输厅',
        title: '党组成员、副厅长',
        department: 'transport',
      },
      {
        role: 'deputy_director',
        person: '范明',
        unit: '省卫生健康委员会',
        title: '二级巡视员',
        department: 'health',
      },
      {
        role: 'deputy_director',
        person: '杨得志',
        unit: '省应急管理厅',
        title: '党委委员、副厅长',
        department: 'emergency',
      },
      {
        role: 'deputy_director',
        person: '隋明利',
        unit: '省总工会',
        title: '党组书记、常务副主席',
        department: 'union',
      },
      {
        role: 'deputy_director',
        person: '李继前',
        unit: '省社会保险事业管理局',
        title: '党组成员、副局长',
        department: 'social_insurance',
      },
      {
        role: 'member',
        person: '姜铁民',
        unit: '省人力资源和社会保障厅',
        title: '工伤保险处处长（兼联席会议办公室主任）',
        department: 'hrss',
        officeRole: 'office_director',
      },
      {
        role: 'member',
        person: '耿占伟',
        unit: '省工业和信息化厅',
        title: '安全生产处处长',
        department: 'industry',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '嵇胜国',
        unit: '省财政厅',
        title: '社会保障处（社保中心）主任',
        department: 'finance',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '张久慧',
        unit: '省住建厅',
        title: '安全生产监督管理处处长',
        department: 'housing',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '王龙飞',
        unit: '省交通运输厅',
        title: '人事处处长',
        department: 'transport',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '史洪林',
        unit: '省卫生健康委员会',
        title: '职业健康处处长',
        department: 'health',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '彭大羽',
        unit: '省应急管理厅',
        title: '应急管理综合行政执法局局长',
        department: 'emergency',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '杨志强',
        unit: '省总工会',
        title: '劳动和经济工作部部长',
        department: 'union',
        officeRole: 'office_member',
      },
      {
        role: 'member',
        person: '刘鸿声',
        unit: '省社会保险事业管理局',
        title: '工伤保险管理处处长',
        department: 'social_insurance',
        officeRole: 'office_member',
      },
      {
        role: 'liaison',
        person: '王建朝',
        unit: '省人力资源和社会保障厅',
        title: '工伤保险处一级主任科员',
        department: 'hrss',
      },
      {
        role: 'liaison',
        person: '郭白',
        unit: '省工业和信息化厅',
        title: '安全生产处副处长',
        department: 'industry',
      },
      {
        role: 'liaison',
        person: '张仁婷',
        unit: '省财政厅',
        title: '社会保障处（社保中心）科员',
        department: 'finance',
      },
      {
        role: 'liaison',
        person: '王成龙',
        unit: '省住房和城乡建设厅',
        title: '安全生产监督管理处一级科员',
        department: 'housing',
      },
      {
        role: 'liaison',
        person: '郑志国',
        unit: '省交通运输厅',
        title: '人事处工作人员',
        department: 'transport',
      },
      {
        role: 'liaison',
        person: '李晓文',
        unit: '省卫生健康委员会',
        title: '职业健康处二级调研员',
        department: 'health',
      },
      {
        role: 'liaison',
        person: '李佳恒',
        unit: '省应急管理厅',
        title: '应急管理综合行政执法局科员',
        department: 'emergency',
      },
      {
        role: 'liaison',
        person: '张林',
        unit: '省总工会',
        title: '劳动和经济工作部一级主任科员',
        department: 'union',
      },
      {
        role: 'liaison',
        person: '孙景亮',
        unit: '省社会保险事业管理局',
        title: '工伤保险管理处四级主任科员',
        department: 'social_insurance',
      },
    ],
  },
];
