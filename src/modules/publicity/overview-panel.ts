import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { selectRows } from '../../platform/db/rows.js';
import type { Language } from '../../platform/i18n/messages.js';
import { unsafeListPublicBases } from './bases.service.js';
import { unsafeListPublicCampaigns } from './campaigns.service.js';

/**
 * Publicity for the overview screen (AN-7): the year's campaigns held and planned and the designated
 * warning-education bases of the subtree — the public calendar's and map's figures (public by
 * design, so nothing here is more than the public pages show). `no_data` when there are neither.
 */
export async function describePublicityForOverview(
  db: Db,
  scope: { code: string; path: string },
  year: number,
  _asOf: string,
  lang: Language = 'zh',
) {
  const [campaigns, bases] = await Promise.all([
    unsafeListPublicCampaigns(db, { jurisdiction: scope.code, year }),
    unsafeListPublicBases(db, { jurisdiction: scope.code }),
  ]);
  const held = campaigns.items.filter((c) => c.status === 'held').length;
  const planned = campaigns.items.length - held;
  if (campaigns.items.length === 0 && bases.items.length === 0)
    return { status: 'no_data' as const, figures: [] };
  const zh = lang === 'zh';
  return {
    status: 'ok' as const,
    figures: [
      {
        label: zh ? `${year}年集中宣传已开展` : `Campaigns held in ${year}`,
        value: held,
        unit: zh ? '次' : '',
        tone: held > 0 ? ('good' as const) : ('warn' as const),
      },
      { label: zh ? '已计划未开展' : 'Planned, not yet held', value: planned, unit: zh ? '次' : '' },
      {
        label: zh ? '警示教育基地' : 'Warning-education bases',
        value: bases.items.length,
        unit: zh ? '个' : '',
      },
    ],
  };
}

/**
 * The publicity panel's stamp (the overview screen's version, AN-7): a digest of what the panel
 * reads — each campaign's status, year and jurisdiction, each base's status and jurisdiction. It
 * reads the two tables whole, which stay small (campaigns and bases number in the hundreds per
 * province and year), so a campaign recorded or a base designated shows on the screen at once
 * instead of after the 5-minute backstop.
 */
export async function readPublicityStamp(db: Db): Promise<string> {
  const [row] = await selectRows<{ campaigns: string | null; bases: string | null }>(
    db,
    sql`select
      (select md5(string_agg(id || ':' || status || ':' || year || ':' || jurisdiction_id, ',' order by id))
        from publicity_campaigns) as campaigns,
      (select md5(string_agg(id || ':' || status || ':' || jurisdiction_id, ',' order by id))
        from warning_bases) as bases`,
  );
  return `${row?.campaigns ?? ''}.${row?.bases ?? ''}`;
}
