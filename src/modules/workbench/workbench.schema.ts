import { z } from 'zod';
import { WORKBENCH_KEYS } from './workbench.service.js';

export const ZWorkbench = z
  .object({
    role: z.string().describe('The signed-in user’s role'),
    cards: z.array(
      z.object({
        key: z
          .enum(WORKBENCH_KEYS)
          .describe(
            'reviewsDue 待评审 | projectsToDraw 待抽取专家 | projectsToDecide 待立项决定 | ownProjectsToReport 我的项目待报告 | batchesRejected 有退回行的批次 | myOpenActionItems 本单位待办督办事项 | overdueActionItems 逾期督办事项 | overdueRectifications 逾期整改 | reportsToChase 待催报的年度报告 | trainingGaps 培训覆盖缺口 | campaignGaps 宣传活动缺口 | unreadNotifications 未读消息',
          ),
        count: z.number().int().describe('How many; the link lists exactly these'),
        link: z.string().describe('The page and filter that list them'),
      }),
    ),
  })
  .meta({ id: 'Workbench' });
