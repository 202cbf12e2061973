import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of the enterprises module; app.ts registers them with the settings module. */
export const ENTERPRISES_SETTINGS = {
  /** 重点监控: an employer with at least this many determinations in a year is listed (KI-3). */
  injuryThreshold: defineSetting({
    key: 'monitoring.injuryThreshold',
    module: 'enterprises',
    schema: z.number().int().min(1).max(1000),
    default: 3,
    description: {
      zh: '重点监控阈值：用人单位一年内工伤认定达到此数即列入重点监控',
      en: 'Key monitoring: an employer with at least this many determinations in a year is listed',
    },
  }),
};
