import type { BulletinFacts } from './bulletins.tables.js';

/** 2025-06-02 → 2025年6月2日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2025-06-02 → 6·2 (the usual 事故 short name, e.g. “6·2”坍塌事故) */
function shortDate(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}·${d}`;
}

const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => `（${NUMBERS[i] ?? String(i + 1)}）`;

function yuanWan(fen: number): string {
  return (fen / 1_000_000).toFixed(2).replace(/\.?0+$/, '');
}

function outcome(f: BulletinFacts['injuries'][number]): string {
  if (f.isDeath) return '经抢救无效死亡';
  return f.severity === 'serious' ? '身受重伤' : '受伤';
}

/**
 * The 典型事故通报 template (AN-4): title and body with the facts filled in and the parts only a
 * person can write (lessons, requirements) as editable prompts in 【】.
 */
export function draftBulletinText(jurisdictionName: string, facts: BulletinFacts, today: string) {
  const { accidents, injuries } = facts;
  const single = accidents.length + injuries.length === 1 ? (accidents[0] ?? injuries[0]) : undefined;
  const categoryOf = (name: string | null) => (name ? `${name}` : '');
  let title: string;
  if (single && 'accidentNo' in single) {
    title = `关于${single.employerName}“${shortDate(single.occurredOn)}”${categoryOf(single.categoryName)}事故的通报`;
  } else if (single && 'caseNo' in single) {
    title = `关于${single.employerName}“${shortDate(single.occurredOn)}”${categoryOf(single.categoryName)}工伤事故的通报`;
  } else {
    title = `关于${accidents.length + injuries.length}起典型事故的通报`;
  }
  const sections: string[] = [];
  let n = 0;
  for (const a of accidents) {
    sections.push(
      `${ordinal(n++)}${a.employerName}“${shortDate(a.occurredOn)}”${categoryOf(a.categoryName)}事故\n` +
        `${chineseDate(a.occurredOn)}，${a.jurisdictionName}${a.employerName}发生一起${categoryOf(a.categoryName)}事故，` +
        `造成${a.deaths}人死亡、${a.seriousInjuries}人重伤，直接经济损失约${yuanWan(a.directLossFen)}万元，` +
        `事故等级为${a.gradeName ?? a.grade}。`,
    );
  }
  for (const i of injuries) {
    sections.push(
      `${ordinal(n++)}${i.employerName}${categoryOf(i.categoryName)}工伤事故\n` +
        `${chineseDate(i.occurredOn)}，${i.jurisdictionName}${i.employerName}${i.post ? `${i.post}岗位` : ''}职工${i.personName ?? ''}` +
        `（${i.sex === 'female' ? '女' : '男'}，${i.age}岁）在工作中发生${categoryOf(i.categoryName) || '事故伤害'}，${outcome(i)}，已认定为工伤。`,
    );
  }
  const body = [
    `${jurisdictionName}各有关部门、各有关单位：`,
    '',
    '为深刻汲取事故教训，举一反三、警钟长鸣，有效防范和减少工伤事故发生，现将近期发生的典型事故情况通报如下：',
    '',
    '一、事故基本情况',
    ...sections,
    '',
    '二、事故暴露的问题',
    '【请根据事故调查报告填写：企业安全生产主体责任落实、岗位安全培训教育、现场安全管理、隐患排查治理等方面暴露的问题。】',
    '',
    '三、工作要求',
    '（一）深刻汲取事故教训。各地、各有关单位要将本通报转发至辖区内重点行业企业，组织开展警示教育，举一反三排查整治同类风险隐患。',
    '（二）加强工伤预防宣传培训。要把上述事故所涉岗位和作业环节作为工伤预防宣传培训的重点，提高职工安全意识和自我保护能力。',
    '（三）强化重点行业企业工伤预防。要将事故多发企业纳入重点企业台账，加强跟踪指导，推动企业落实工伤预防主体责任。',
    '',
    `${jurisdictionName}工伤预防工作联席会议办公室`,
    chineseDate(today),
  ].join('\n');
  return { title, body };
}
