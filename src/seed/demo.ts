import { eq } from 'drizzle-orm';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { computeCreditCodeCheckChar } from '../modules/organisations/credit-code.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { users } from '../modules/users/users.tables.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Role } from '../platform/auth/permissions.js';
import type { Db } from '../platform/db/client.js';
import { piiCrypto } from '../platform/privacy/crypto.js';
import { runSeedOnce } from './reference.js';

export const DEMO_PASSWORD = 'yufang-demo';

/** The demo accounts listed in the README (demo mode only). */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  organisationName?: string;
  description: string;
}[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'system_admin',
    jurisdictionCode: '100000',
    description: 'system administrator',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    role: 'security_admin',
    jurisdictionCode: '100000',
    description: 'security administrator (accounts and roles)',
  },
  {
    username: 'auditor',
    displayName: '审计管理员',
    role: 'audit_admin',
    jurisdictionCode: '100000',
    description: 'audit administrator (alone reads the audit log)',
  },
  {
    username: 'fujian',
    displayName: '福建省人社厅工伤保险处',
    role: 'hrss_officer',
    jurisdictionCode: '350000',
    organisationName: '福建省人力资源和社会保障厅',
    description: 'Fujian provincial HRSS officer',
  },
  {
    username: 'fuzhou',
    displayName: '福州市人社局工伤保险处',
    role: 'hrss_officer',
    jurisdictionCode: '350100',
    organisationName: '福州市人力资源和社会保障局',
    description: 'Fuzhou HRSS officer',
  },
  {
    username: 'jilin',
    displayName: '吉林省人社厅工伤保险处',
    role: 'hrss_officer',
    jurisdictionCode: '220000',
    organisationName: '吉林省人力资源和社会保障厅',
    description: 'Jilin provincial HRSS officer',
  },
];

/** A well-formed credit code with a correct check character, registered in `region`. */
export function makeCreditCode(region: string, serial: number): string {
  const body = `91${region}MA${serial.toString().padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

const DEMO_EMPLOYERS = [
  {
    name: '福州榕城建筑工程有限公司',
    region: '350102',
    industry: '4710',
    contact: '陈建国',
    phone: '13905910001',
  },
  {
    name: '福州闽江化工有限公司',
    region: '350105',
    industry: '2614',
    contact: '林秀英',
    phone: '13905910002',
  },
  {
    name: '福清融侨机械制造有限公司',
    region: '350181',
    industry: '3411',
    contact: '黄志强',
    phone: '13905910003',
  },
  {
    name: '福州海峡物流运输有限公司',
    region: '350111',
    industry: '5430',
    contact: '郑丽华',
    phone: '13905910004',
  },
  {
    name: '厦门鹭岛石材加工有限公司',
    region: '350200',
    industry: '3032',
    contact: '王海峰',
    phone: '13905920005',
  },
  {
    name: '长春一汽配套零部件有限公司',
    region: '220102',
    industry: '3670',
    contact: '刘振华',
    phone: '13904310006',
  },
  {
    name: '吉林化纤集团协作有限公司',
    region: '220200',
    industry: '2821',
    contact: '张玉梅',
    phone: '13904320007',
  },
];

/** Demo accounts and a few organisations to explore with; only in demo mode, once. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo:v1', async () => {
    const codes = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
    const idOf = new Map(codes.map((c) => [c.code, c.id]));
    const jurisdictionId = (code: string) => {
      const id = idOf.get(code);
      if (id === undefined) throw new Error(`demo seed: jurisdiction ${code} is not loaded`);
      return id;
    };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction(async (tx) => {
      for (const account of DEMO_ACCOUNTS) {
        const [org] = account.organisationName
          ? await tx
              .select({ id: organisations.id })
              .from(organisations)
              .where(eq(organisations.name, account.organisationName))
          : [];
        await tx
          .insert(users)
          .values({
            username: account.username,
            passwordHash,
            displayName: account.displayName,
            role: account.role,
            jurisdictionId: jurisdictionId(account.jurisdictionCode),
            organisationId: org?.id ?? null,
          })
          .onConflictDoNothing();
      }
      await tx.insert(organisations).values([
        ...DEMO_EMPLOYERS.map((e, i) => ({
          kind: 'employer' as const,
          name: e.name,
          creditCode: makeCreditCode(e.region, 1000 + i),
          creditCodeStatus: 'valid' as const,
          industryCode: e.industry,
          jurisdictionId: jurisdictionId(e.region),
          // As the organisations service writes them: SM4 ciphertext when PII_ENCRYPTION=sm4.
          contactName: piiCrypto().encrypt(e.contact),
          contactPhone: piiCrypto().encrypt(e.phone),
        })),
        {
          // An early Fujian pilot code: legal, yet its check character fails (DOMAIN.md §4.7).
          kind: 'employer' as const,
          name: '福州早期试点登记企业',
          creditCode: '91350100M0001TGQXM',
          creditCodeStatus: 'check_failed' as const,
          industryCode: '3311',
          jurisdictionId: jurisdictionId('350100'),
        },
        {
          kind: 'industry_association' as const,
          name: '福州市建筑业协会',
          jurisdictionId: jurisdictionId('350100'),
        },
        {
          kind: 'service_organisation' as const,
          name: '福建安元安全技术服务有限公司',
          jurisdictionId: jurisdictionId('350100'),
        },
        {
          kind: 'training_institution' as const,
          name: '福州市安全生产培训中心',
          jurisdictionId: jurisdictionId('350100'),
        },
        {
          kind: 'technical_school' as const,
          name: '福建省福州技师学院',
          jurisdictionId: jurisdictionId('350100'),
        },
        {
          kind: 'industry_association' as const,
          name: '吉林省建筑业协会',
          jurisdictionId: jurisdictionId('220000'),
        },
      ]);
    });
  });
}
