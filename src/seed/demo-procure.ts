import * as projects from '../modules/projects/projects.service.js';
import * as standards from '../modules/projects/standards.service.js';
import type { Db } from '../platform/db/client.js';
import { currentYear } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only, once, after the projects demo: the province's service payment standards for the
 * year with Fuzhou's own training price (PP-11), and a Fuzhou declaration with a line above the
 * standard and its reason, awaiting review.
 */
export async function seedDemoProcure(db: Db, year = currentYear()): Promise<boolean> {
  return runSeedOnce(db, 'demo-procure:v1', async () => {
    const province = await actorOf(db, 'fujian');
    const fuzhou = await actorOf(db, 'fuzhou');
    const reason = '依据省人社厅、财政厅年度工伤预防服务支付标准（演示数据）';
    for (const [kind, name, unit, unitPriceFen] of [
      ['training_person_day', '培训（人·天）', '人·天', 40_000],
      ['lecture', '专题讲座', '场', 200_000],
      ['leaflet', '宣传折页印制', '份', 300],
      ['video', '宣传短视频制作', '部', 5_000_000],
    ] as const)
      await standards.setStandard(db, province, '350000', year, kind, { name, unit, unitPriceFen, reason });
    await standards.setStandard(db, fuzhou, '350100', year, 'training_person_day', {
      name: '培训（人·天）',
      unit: '人·天',
      unitPriceFen: 35_000,
      reason: '福州市场价格调查：本市培训场地与师资成本低于全省标准（演示数据）',
    });
    const [existing] = await projects.listProjects(db, fuzhou, { jurisdiction: '350100', year });
    if (!existing) return;
    await projects.declareProject(db, fuzhou, {
      jurisdictionCode: '350100',
      year,
      applicantOrganisationId: existing.applicant.id,
      type: 'training',
      title: '危险化学品企业班组长实操培训',
      keyField: '危险化学品',
      summary: '面向福州市危险化学品企业班组长开展应急处置实操培训，计划 120 人·天，含模拟装置实训。',
      industryCode: '26',
      budgetLines: [
        {
          item: '实操培训',
          amountFen: 4_800_000,
          serviceKind: 'training_person_day',
          quantity: 120,
          overStandardReason: '含模拟泄漏处置装置租用，每人·天增加 50 元',
        },
        { item: '专题讲座', amountFen: 400_000, serviceKind: 'lecture', quantity: 2 },
        { item: '宣传折页', amountFen: 1_500_000, serviceKind: 'leaflet', quantity: 5000 },
      ],
    });
  });
}
