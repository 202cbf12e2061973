import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';
import { COMPONENT_KEYS, type RiskWeights } from './risk.logic.js';

const weight = z.number().min(0).max(1000);
const ZWeights = z.object(
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, weight])) as Record<keyof RiskWeights, typeof weight>,
);

/** Settings of the enterprise risk index (AN-5, decision 0035); app.ts registers them. */
export const RISK_SETTINGS = {
  /** The weight of each component and the total they must sum to (a weight of 0 drops a component). */
  weights: defineSetting({
    key: 'risk.weights',
    module: 'risk',
    schema: z
      .object({ total: z.number().positive().max(1000), weights: ZWeights.strict() })
      .strict()
      .superRefine((v, ctx) => {
        const sum = COMPONENT_KEYS.reduce((s, k) => s + v.weights[k], 0);
        if (Math.abs(sum - v.total) > 1e-9)
          ctx.addIssue({ code: 'custom', path: ['weights'], message: 'risk.weights_sum' });
      }),
    default: {
      total: 100,
      weights: {
        injuryRate: 35,
        deathsSerious: 20,
        occupational: 15,
        rectifications: 10,
        insurance: 10,
        rateTier: 5,
        training: 5,
      },
    },
    description: {
      zh: '企业风险指数各分项权重及其合计（权重之和须等于合计）：伤害率、死亡重伤、职业健康、整改、参保、费率档次、重点岗位培训',
      en: 'Weights of the enterprise risk index components and their total (they must sum to it): injury rate, deaths and serious injuries, occupational health, rectifications, insurance, rate tier, key-post training',
    },
  }),
  /** Lower bounds of the yellow, orange and red grades (green below yellow); strictly ascending. */
  grades: defineSetting({
    key: 'risk.grades',
    module: 'risk',
    schema: z
      .object({
        yellow: z.number().gt(0).max(100),
        orange: z.number().gt(0).max(100),
        red: z.number().gt(0).max(100),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.orange <= v.yellow)
          ctx.addIssue({ code: 'custom', path: ['orange'], message: 'risk.thresholds_order' });
        else if (v.red <= v.orange)
          ctx.addIssue({ code: 'custom', path: ['red'], message: 'risk.thresholds_order' });
      }),
    default: { yellow: 25, orange: 45, red: 65 },
    description: {
      zh: '风险等级分界（绿/黄/橙/红）：黄、橙、红三级的起点分值，须依次递增',
      en: 'Grade bounds (green/yellow/orange/red): where yellow, orange and red start, strictly ascending',
    },
  }),
  /** An alert when an employer's credibility-weighted rate exceeds its industry's by more than this share. */
  alertMargin: defineSetting({
    key: 'risk.alertMargin',
    module: 'risk',
    schema: z.number().min(0).max(10),
    default: 0.5,
    description: {
      zh: '发生率预警幅度：单位可信度加权工伤发生率高于行业发生率超过该比例（0.5 即 50%）时预警',
      en: 'Rate alert margin: alert when an employer’s credibility-weighted rate exceeds its industry’s by more than this share (0.5 = 50 %)',
    },
  }),
};
