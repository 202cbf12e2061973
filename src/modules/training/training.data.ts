/**
 * The key posts each plan period requires trained, and its coverage target, as the documents give
 * them (TR-1). Reference data: loaded into training_roles and training_targets, editable there.
 */
export interface TrainingRoleSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  source: string;
}

export interface TrainingPeriodSeed {
  planPeriod: string;
  roles: TrainingRoleSeed[];
  /** The default target (no jurisdiction): coverage percent and the date it is due. */
  target: { coveragePct: string; dueDate: string; source: string };
}

const F_2021 = '闽人社文〔2021〕56号 三（五）1';
const J_2021 = '吉人社联〔2021〕55号 三（三）一';
const N_2026 = '《工伤预防五年行动计划（2026-2030年）》（新华社 2026-03-16 报道）';

export const TRAINING_PERIODS: readonly TrainingPeriodSeed[] = [
  {
    planPeriod: '2021-2025',
    roles: [
      {
        code: 'responsible',
        nameZh: '负责人/分管负责人',
        nameEn: 'Responsible person',
        source: `${F_2021}；${J_2021}`,
      },
      {
        code: 'safety_head',
        nameZh: '安全管理部门主要负责人',
        nameEn: 'Head of the safety department',
        source: `${F_2021}；${J_2021}`,
      },
      {
        code: 'team_leader',
        nameZh: '一线班组长',
        nameEn: 'Front-line team leader',
        source: `${F_2021}；${J_2021}`,
      },
    ],
    target: {
      coveragePct: '100',
      dueDate: '2025-12-31',
      source: `${F_2021}；${J_2021}：2025年底前实现重点行业企业重点岗位人员培训全覆盖`,
    },
  },
  {
    planPeriod: '2026-2030',
    roles: [
      { code: 'principal', nameZh: '主要负责人', nameEn: 'Principal', source: N_2026 },
      { code: 'deputy', nameZh: '分管负责人', nameEn: 'Deputy in charge', source: N_2026 },
      {
        code: 'safety_health_head',
        nameZh: '安全健康管理部门主要负责人',
        nameEn: 'Head of the safety and health department',
        source: N_2026,
      },
      { code: 'team_leader', nameZh: '一线班组长', nameEn: 'Front-line team leader', source: N_2026 },
    ],
    // The 2026–2030 plan's training clause was not retrieved (DOMAIN.md [U]): full coverage by the
    // period's end is our assumption until a province's plan says otherwise; an officer may change it.
    target: { coveragePct: '100', dueDate: '2030-12-31', source: `${N_2026}（目标日期未核实，按计划期末）` },
  },
];
