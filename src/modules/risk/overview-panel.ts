import type { Db } from '../../platform/db/client.js';
import type { Language } from '../../platform/i18n/messages.js';
import { summariseRiskGrades } from './risk.service.js';

const GRADE_NAMES = {
  green: { zh: '绿色（低风险）', en: 'Green (low)' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色（高风险）', en: 'Red (high)' },
} as const;
const TONES = { green: 'good', yellow: undefined, orange: 'warn', red: 'bad' } as const;

/**
 * The risk index for the overview screen (AN-7): employers per colour grade in the subtree for the
 * year — counts only, no employer named. `no_data` until the index has been computed there.
 */
export async function describeRiskForOverview(
  db: Db,
  scope: { code: string; path: string },
  year: number,
  _asOf: string,
  lang: Language = 'zh',
) {
  const grades = await summariseRiskGrades(db, { path: scope.path }, year);
  if (grades.every((g) => g.employers === 0)) return { status: 'no_data' as const, figures: [] };
  return {
    status: 'ok' as const,
    figures: grades.map((g) => ({
      label: GRADE_NAMES[g.grade][lang],
      value: g.employers,
      unit: lang === 'zh' ? '家' : '',
      ...(TONES[g.grade] ? { tone: TONES[g.grade] } : {}),
    })),
  };
}
