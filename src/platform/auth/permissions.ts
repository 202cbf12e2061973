/**
 * The one list of permissions and roles. Routes declare a permission; the UI reads the actor's
 * permissions from /api/auth/me only to hide what the server would refuse.
 */
export const PERMISSIONS = [
  'jurisdictions:read',
  'organisations:read',
  'organisations:write',
  'roster:read',
  'roster:write',
  /** Propose who replaces one's own unit's member or liaison (JM-1); the office confirms with roster:write. */
  'roster:propose',
  'users:read',
  'users:manage',
  'audit:read',
  /** Submit the data domains of one's own department (DX-2). */
  'exchange:submit',
  /** Key-enterprise ledgers, dust-hazard and monitoring lists, the shared picture (KI-1…3, DX-4). */
  'enterprises:read',
  /** Key-industry lists per plan period and jurisdiction settings such as the monitoring threshold. */
  'enterprises:configure',
  /** See exchange batches and the shared data of one's scope. */
  'exchange:read',
  /** Indicators, dashboards, targets and the yearly key-industry and enterprise ranking of one's scope (AN-1…3). */
  'analytics:read',
  /** Indicator definitions, a jurisdiction's counting options and its own targets for a plan period. */
  'analytics:configure',
  /** Adopt a year's ranking into the key-enterprise ledger on the joint meeting's decision (AN-3). */
  'analytics:adopt',
  /** Read typical-accident bulletins (典型事故通报) published to one's jurisdiction or drafted in one's scope (AN-4). */
  'bulletins:read',
  /** Draft and edit typical-accident bulletins from accident and injury records (AN-4). */
  'bulletins:draft',
  /** Approve and publish a bulletin someone else drafted (AN-4). */
  'bulletins:approve',
  /** Joint-meeting workflow: meetings, their papers, action items, yearly reports, rectifications, the inbox (JM-2…6, KI-4). */
  'meetings:read',
  /** Convene: schedule and hold meetings, minutes, assign action items, review yearly reports, issue rectifications. */
  'meetings:manage',
  /** A member unit's own work: progress and closure of its action items, its yearly report. */
  'meetings:report',
  /** See 身份证号, names and phone numbers unmasked (every such view is audited). */
  'personal-data:view',
  /** See the expert pool of one's scope (personal data masked) (EX-1, EX-2). */
  'experts:read',
  /** Add experts and fields, review qualifications, record evaluations and discipline, share (EX-1…4). */
  'experts:manage',
  /** See prevention-fee budgets, projects, panels and timelines of one's scope (PP-1…9). */
  'projects:read',
  /** Set budgets, draw panels, record decisions, agreements, acceptance, deductions, disclosure (PP-1…9). */
  'projects:manage',
  /** Pay prepayments and balances from the prevention fee (the social-insurance agency) (PP-5). */
  'projects:pay',
  /**
   * Approve or return the year's prevention-fee budget (财政批复, PP-1): held by member officers and
   * used only by the finance unit of the budget's own jurisdiction (the service checks the unit).
   */
  'finance:approve',
  /** Declare projects and follow one's own (associations, large and medium enterprises) (PP-2). */
  'projects:declare',
  /** Report progress on a project one implements or declared (PP-5, PP-6). */
  'projects:report',
  /** Score the projects one is drawn to review (experts) (PP-3). */
  'reviews:score',
  /**
   * See the deployment's daily tasks and their runs (定时任务): the national system administrator;
   * the runs are the whole deployment's, so no officer's role has it.
   */
  'operations:read',
  /** See the settings of one's scope: the value that applies, where it comes from, its history (参数设置). */
  'settings:read',
  /**
   * Set or remove a jurisdiction's own value of any setting (thresholds, due dates, counting options,
   * targets, the prevention-fee cap and prepayment shares, experts' terms); it applies below.
   */
  'settings:write',
  /** Training coverage, key-post holders (masked), courses and gaps of one's scope (TR-1…TR-5). */
  'training:read',
  /** Courses, completions and certificates, coverage targets (HRSS) (TR-1, TR-4). */
  'training:manage',
  /** Register and end key-post holders: an employer for itself, an officer for any key enterprise in scope (TR-1). */
  'training:register',
  /** Premium-rate floating: rule sets, simulations, rating runs, notices and appeals of one's scope (FR-1, FR-2). */
  'rates:read',
  /** Draft and adopt rule sets, rate the pool, decide appeals (the social-insurance agency, HRSS). */
  'rates:manage',
  /** Review a draft rule set (财政: only an officer of the finance member unit passes the service's check). */
  'rates:review',
  /** An employer's own rate notices and appeals. */
  'rates:own',
  /** Study one's own courses online, sit their exams, sign in to offline sessions (a learner, TR-4, TR-6). */
  'training:study',
  /** Campaigns, the quota board, warning-education bases and their coverage, advanced examples of one's scope (PU-1…3). */
  'publicity:read',
  /** Plan and accept campaigns, review, designate, raise and withdraw bases, review and publish examples (HRSS). */
  'publicity:manage',
  /** Record what a campaign one organises achieved: events, reach, materials, photos (PU-1). */
  'publicity:report',
  /** An employer applies for a warning-education base and records its visits (PU-2). */
  'publicity:apply',
  /** A technical school's classes, students, pre-internship assessments and placements (TR-3). */
  'training:school',
  /** Apply for the recommended list of training institutions and online platforms (TR-5). */
  'training:apply',
  // Cross-checks between departments' data (AN-6, decision 0036).
  /** See cross-check hits: HRSS every hit of its scope, a member unit only the hits it answers. */
  'crosschecks:read',
  /** Answer one's own unit's hits: confirm, explain, close with an explanation. */
  'crosschecks:respond',
  /** See every unit's hits, run the rules over a jurisdiction, change the rule set (HRSS). */
  'crosschecks:manage',
  // scorecard (SV-1)
  /** The scorecard of one's scope: subordinates scored and ranked, its rule set, its exports. */
  'scorecard:read',
  /** Set a year's scorecard rule set and sign off the assessment (HRSS). */
  'scorecard:manage',
  /**
   * 本单位: an employer's own record on one page (headcount, injuries masked, rectification
   * suggestions, key-post coverage, rate notices, projects) and its answers to the suggestions
   * addressed to it. Held by employer accounts only: an officer's organisation is no employer.
   */
  'employer:own',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'hrss_officer',
  'member_officer',
  'si_agency_officer',
  'expert',
  'employer',
  'service_org',
  'learner',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * 三员分立 (decision 0019): the system, security and audit administrators are separate roles; an
 * account holds one role, and none of these three may be turned into another of them.
 */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/**
 * Everything but reading the audit log, which the audit administrator alone does, and the
 * employer's own page, which shows nothing to an account of no employer.
 */
const ALL_BUT_AUDIT: readonly Permission[] = PERMISSIONS.filter(
  (p) => p !== 'audit:read' && p !== 'employer:own',
);

/** HRSS proposes the budget the finance unit approves: it does not approve its own (PP-1). */
const HRSS: readonly Permission[] = ALL_BUT_AUDIT.filter(
  (p) => p !== 'finance:approve' && p !== 'operations:read',
);

/** What each role may do, always within its own jurisdiction and those below it. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  /** 系统管理员: runs the system; does not read the audit log (三员分立). */
  system_admin: ALL_BUT_AUDIT,
  /** 安全管理员: accounts and their roles, including the administrators' (三员分立). */
  security_admin: ['jurisdictions:read', 'users:read', 'users:manage', 'settings:read'],
  /** 审计管理员: alone reads and verifies the audit log, of its jurisdiction and below (三员分立). */
  audit_admin: ['jurisdictions:read', 'audit:read'],
  /** 人社部门工作人员: leads the programme, administers its subtree (users, rosters, organisations). */
  hrss_officer: HRSS,
  /** 成员单位工作人员 (工信, 财政, 住建, 交通运输, 卫健, 应急, 总工会) */
  member_officer: [
    'jurisdictions:read',
    'organisations:read',
    'roster:read',
    'roster:propose',
    'exchange:submit',
    'exchange:read',
    'enterprises:read',
    'analytics:read',
    'bulletins:read',
    'meetings:read',
    'meetings:report',
    'experts:read',
    'projects:read',
    'finance:approve',
    'settings:read',
    'training:read',
    'rates:read',
    'rates:review',
    'publicity:read',
    'publicity:report',
    // Cross-checks (AN-6): the hits its unit answers.
    'crosschecks:read',
    'crosschecks:respond',
    // scorecard (SV-1): member units read the assessment
    'scorecard:read',
  ],
  /** 社保经办机构工作人员: keeps employer records. */
  si_agency_officer: [
    'jurisdictions:read',
    'organisations:read',
    'organisations:write',
    'roster:read',
    'roster:propose',
    'exchange:submit',
    'exchange:read',
    'enterprises:read',
    'analytics:read',
    'bulletins:read',
    'personal-data:view',
    'meetings:read',
    'meetings:report',
    'experts:read',
    'projects:read',
    'projects:manage',
    'projects:pay',
    'settings:read',
    'rates:read',
    'rates:manage',
    // Cross-checks (AN-6): the hits its unit answers.
    'crosschecks:read',
    'crosschecks:respond',
  ],
  /** 专家 */
  expert: ['jurisdictions:read', 'reviews:score'],
  /** 用人单位 */
  employer: [
    'jurisdictions:read',
    'projects:declare',
    'projects:report',
    'training:register',
    'rates:own',
    'publicity:apply',
    'employer:own',
  ],
  /** 服务机构 (and industry associations) */
  service_org: [
    'jurisdictions:read',
    'projects:declare',
    'projects:report',
    'training:school',
    'training:apply',
  ],
  /** 学员: a key-post holder's own account, made by the employer (decision 0025). */
  learner: ['jurisdictions:read', 'training:study'],
};

/**
 * Roles an officer may grant: a system administrator makes system administrators; only a security
 * administrator makes security and audit administrators, so the system administrator cannot give
 * any account the right to read (or hide from) the audit log.
 */
export function canGrantRole(granterRole: Role, role: Role): boolean {
  if (role === 'system_admin') return granterRole === 'system_admin';
  if (role === 'security_admin' || role === 'audit_admin') return granterRole === 'security_admin';
  return granterRole === 'system_admin' || granterRole === 'hrss_officer' || granterRole === 'security_admin';
}

/** Whether changing an account from one role to the other would let one account hold two of the three. */
export function crossesAdministratorRoles(from: Role, to: Role): boolean {
  return from !== to && ADMINISTRATOR_ROLES.includes(from) && ADMINISTRATOR_ROLES.includes(to);
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
