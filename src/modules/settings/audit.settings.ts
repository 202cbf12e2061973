import { z } from 'zod';
/** The platform's audit log retention (declared here: platform/ imports no module; decision 0019). */
import { defineSetting } from './settings.registry.js';

/**
 * How long audit records stay in audit_log before `audit archive` moves them, verified, to an
 * archive file (decision 0019). At least 6 months: 网络安全法 §21 asks network logs be kept no less
 * than six months. Read at the national jurisdiction: the log is one chain for the whole deployment.
 */
export const AUDIT_RETENTION_SETTING = defineSetting({
  key: 'audit.retentionMonths',
  module: 'audit',
  schema: z.number().int().min(6).max(1200),
  default: 12,
  description: {
    zh: '审计记录在线保留月数（不少于6个月）；更早且校验通过的记录由 audit archive 归档到文件，从不删除未校验的记录',
    en: 'Months audit records stay online (at least 6); older records that verify are archived to a file by `audit archive`, unverified ones are never removed',
  },
});

export const AUDIT_SETTINGS = { retention: AUDIT_RETENTION_SETTING };
