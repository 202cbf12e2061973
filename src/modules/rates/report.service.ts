import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { describeRateFloating } from './rating.service.js';

const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * 工伤保险费率浮动情况 of a jurisdiction in a year, for the yearly implementation report (JM-6):
 * whether floating ran for the year's rates and its effect, as the rates pages show it. `no_data`
 * when it did not run.
 */
export async function describeRatesOfYear(db: Db, actor: Actor, scope: { code: string }, year: number) {
  const effect = await describeRateFloating(db, actor, { jurisdiction: scope.code, year });
  if (!effect.ran) return { status: 'no_data' as const, rows: [] };
  return {
    status: 'ok' as const,
    rows: [
      {
        label: '适用的浮动规则',
        value: `${effect.ruleSetName ?? '—'}${effect.isExample ? '（示例规则）' : ''}`,
      },
      { label: '参保单位（家）', value: effect.employers },
      { label: '已评定费率（家）', value: effect.rated },
      { label: '其中：上浮（家）', value: effect.up },
      { label: '其中：下浮（家）', value: effect.down },
      { label: '其中：执行基准费率（家）', value: effect.atBase },
      { label: '未评定（家，缺少缴费数据等）', value: effect.notRated },
      { label: '按基准费率计保费（元）', value: yuan(effect.incomeAtBaseFen) },
      { label: '按浮动后费率计保费（元）', value: yuan(effect.incomeAtNewFen) },
      { label: '费率申诉（件）', value: effect.appeals },
      { label: '其中：申诉成立（件）', value: effect.appealsUpheld },
    ],
  };
}
