import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { ANALYTICS_SETTINGS } from './modules/analytics/analytics.settings.js';
import {
  analyticsEmployerListener,
  analyticsMergeListener,
  unsafeMeasureRefreshLag,
} from './modules/analytics/refresh.js';
import { bulletinsRoutes } from './modules/bulletins/bulletins.routes.js';
import { codeTablesRoutes } from './modules/code-tables/code-tables.routes.js';
// Cross-checks between departments' data (AN-6).
import { crosscheckMergeListener } from './modules/crosschecks/crosschecks.listener.js';
import { crosschecksRoutes } from './modules/crosschecks/crosschecks.routes.js';
import {
  escalateHitsDailyTask,
  readCrosscheckStamp,
  refreshCrosscheckReminders,
} from './modules/crosschecks/crosschecks.service.js';
import { CROSSCHECK_SETTINGS } from './modules/crosschecks/crosschecks.settings.js';
import { describeCrosschecksForOverview } from './modules/crosschecks/overview-panel.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { ENTERPRISES_SETTINGS } from './modules/enterprises/enterprises.settings.js';
import { exchangeRoutes } from './modules/exchange/exchange.routes.js';
import type { ExchangeRuntime } from './modules/exchange/exchange.service.js';
import { EXCHANGE_SETTINGS } from './modules/exchange/exchange.settings.js';
import { combineMergeListeners } from './modules/exchange/merge-listeners.js';
import { expertsRoutes } from './modules/experts/experts.routes.js';
import { EXPERTS_SETTINGS } from './modules/experts/experts.settings.js';
import { describeExpertsOfYear } from './modules/experts/report.service.js';
import { COUNTING_SETTINGS } from './modules/facts/facts.settings.js';
import { refreshDeadlineNotifications } from './modules/joint-meeting/action-items.service.js';
import { meetingDocumentsRoutes } from './modules/joint-meeting/documents.routes.js';
import type { YearlyReportSource } from './modules/joint-meeting/implementation-reports.service.js';
import { inspectionsRoutes } from './modules/joint-meeting/inspections.routes.js';
import { describeInspectionsReportPart } from './modules/joint-meeting/inspections.service.js';
import { jointMeetingRoutes } from './modules/joint-meeting/joint-meeting.routes.js';
import { CHASE_SETTINGS, DUE_SETTINGS } from './modules/joint-meeting/joint-meeting.settings.js';
import { meetingsRoutes } from './modules/joint-meeting/meetings.routes.js';
// --- workbench and 催办 (decision 0041) ---
import { remindersRoutes } from './modules/joint-meeting/reminders.routes.js';
import { yearlyReportsRoutes } from './modules/joint-meeting/reports.routes.js';
import { jurisdictionsRoutes } from './modules/jurisdictions/jurisdictions.routes.js';
import { myEmployerRoutes } from './modules/my-employer/my-employer.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
// Overview screen (AN-7, issue 18 part 3)
import { overviewRoutes } from './modules/overview/overview.routes.js';
import type { OverviewSource } from './modules/overview/overview.service.js';
// Public portal and open data (SV-2)
import { portalRoutes } from './modules/portal/portal.routes.js';
import { PORTAL_SETTINGS } from './modules/portal/portal.settings.js';
import { financeRoutes } from './modules/projects/finance.routes.js';
// procure: payment standards (PP-11), procurement (PP-4)
import { procureRoutes } from './modules/projects/procure.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { PROJECTS_SETTINGS } from './modules/projects/projects.settings.js';
import { describeProjectsOfYear } from './modules/projects/report.service.js';
import { refreshBaseReviewReminders } from './modules/publicity/bases.service.js';
import { describePublicityForOverview, readPublicityStamp } from './modules/publicity/overview-panel.js';
import { publicityRoutes } from './modules/publicity/publicity.routes.js';
import { PUBLICITY_SETTINGS } from './modules/publicity/publicity.settings.js';
import { describePublicityOfYear } from './modules/publicity/report.service.js';
import { rankingRoutes } from './modules/ranking/ranking.routes.js';
import { ratesRoutes } from './modules/rates/rates.routes.js';
import { describeRatesOfYear } from './modules/rates/report.service.js';
// Enterprise risk index (AN-5, issue 18 part 1)
import { describeRiskForOverview } from './modules/risk/overview-panel.js';
import { riskRoutes } from './modules/risk/risk.routes.js';
import { createRiskMergeListener, readRiskStamp } from './modules/risk/risk.service.js';
import { RISK_SETTINGS } from './modules/risk/risk.settings.js';
// scorecard (SV-1)
import { scorecardRoutes } from './modules/scorecard/scorecard.routes.js';
import { describeScorecardOfYear } from './modules/scorecard/scorecard.service.js';
import { AUDIT_SETTINGS } from './modules/settings/audit.settings.js';
import { createSettingsRegistry } from './modules/settings/settings.registry.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { coverageCellsDailyTask } from './modules/training/coverage-cells.service.js';
import { coverageExtrasRoutes } from './modules/training/coverage-extras.routes.js';
import { examsRoutes } from './modules/training/exams.routes.js';
import { EXAM_SETTINGS } from './modules/training/exams.settings.js';
import { describeLearnerOwnName } from './modules/training/learners.service.js';
import { describeTrainingForOverview, readTrainingStamp } from './modules/training/overview-panel.js';
import { providersRoutes } from './modules/training/providers.routes.js';
import { describeTrainingOfYear } from './modules/training/report.service.js';
import { schoolsRoutes } from './modules/training/schools.routes.js';
import { SCHOOL_SETTINGS } from './modules/training/schools.settings.js';
import { trainingSessionsRoutes } from './modules/training/sessions.routes.js';
import { studyRoutes } from './modules/training/study.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { TRAINING_SETTINGS } from './modules/training/training.settings.js';
import { oidcRoutes } from './modules/users/oidc.routes.js';
// --- end workbench ---
import { OIDC_SETTINGS } from './modules/users/oidc.settings.js';
import {
  authRoutes,
  createSessionResolver,
  createTokenLimits,
  createTokenResolver,
  usersRoutes,
} from './modules/users/users.routes.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import type { Actor } from './platform/auth/actor.js';
import { registerAuthGuard } from './platform/auth/guard.js';
import type { AppConfig } from './platform/config.js';
import type { Database, Db } from './platform/db/client.js';
import { registerErrorHandler } from './platform/http/errors.js';
import { registerRequestHardening } from './platform/http/hardening.js';
import { languageOf, translate } from './platform/i18n/messages.js';
import type { DailyTask } from './platform/jobs/daily.js';
import { dailyRoutes } from './platform/jobs/daily.routes.js';
import { JobQueue } from './platform/jobs/queue.js';
import { withPrivateLogging } from './platform/ops/logging.js';
import { registerOperations } from './platform/ops/ops.routes.js';
import { configurePiiCrypto } from './platform/privacy/crypto.js';
import { now } from './platform/time.js';

export const API_VERSION = '0.1.0';

/**
 * Every module's settings, for the settings page and routes (the settings module knows no module).
 * A module declares a new key in its own `<module>.settings.ts`; a new module adds one line here.
 */
export const settingsRegistry = createSettingsRegistry([
  ...Object.values(ENTERPRISES_SETTINGS),
  ...Object.values(DUE_SETTINGS),
  ...Object.values(ANALYTICS_SETTINGS),
  ...Object.values(COUNTING_SETTINGS),
  ...Object.values(EXCHANGE_SETTINGS),
  ...Object.values(PROJECTS_SETTINGS),
  ...Object.values(EXPERTS_SETTINGS),
  ...Object.values(TRAINING_SETTINGS),
  ...Object.values(EXAM_SETTINGS),
  ...Object.values(PUBLICITY_SETTINGS),
  ...Object.values(SCHOOL_SETTINGS),
  ...Object.values(AUDIT_SETTINGS),
  ...Object.values(OIDC_SETTINGS),
  // Public portal and open data (SV-2)
  ...Object.values(PORTAL_SETTINGS),
  // Enterprise risk index (AN-5, issue 18 part 1)
  ...Object.values(RISK_SETTINGS),
  // workbench and 催办 (decision 0041)
  ...Object.values(CHASE_SETTINGS),
  // Cross-checks (AN-6).
  ...Object.values(CROSSCHECK_SETTINGS),
]);

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
    /** Background jobs (imports): tests await `jobs.idle()`. */
    jobs: JobQueue;
  }
}

export interface BuildAppOptions {
  database: Database;
  config: AppConfig;
  logger?: FastifyServerOptions['logger'];
}

/** The composition root: platform plugins, then every module's routes, then the web UI. */
/**
 * Date-driven work no request triggers, run once a China-time day by the server (and by `tsx
 * src/cli.ts daily`): a module whose figures or duties move with the date adds its task here.
 */
export const DAILY_TASKS: readonly DailyTask[] = [coverageCellsDailyTask, escalateHitsDailyTask];

/**
 * The programme modules' sections of the yearly implementation report (JM-6), in the report's
 * order; a module that lands adds its entry here (a missing one reads "not available").
 */
export const YEARLY_REPORT_SOURCES: YearlyReportSource[] = [
  {
    key: 'projects',
    title: '工伤预防项目实施情况',
    describe: (db, _actor, scope, year) => describeProjectsOfYear(db, scope, year),
  },
  {
    key: 'experts',
    title: '专家库建设情况',
    describe: (db, _actor, scope, year, asOf) => describeExpertsOfYear(db, scope, year, asOf),
  },
  { key: 'training', title: '工伤预防培训情况', describe: describeTrainingOfYear },
  { key: 'publicity', title: '工伤预防宣传情况', describe: describePublicityOfYear },
  { key: 'rateFloating', title: '工伤保险费率浮动情况', describe: describeRatesOfYear },
  {
    key: 'inspections',
    title: '联合检查情况',
    describe: (db, _actor, scope, year) => describeInspectionsReportPart(db, scope.path, year),
  },
  // scorecard (SV-1)
  {
    key: 'scorecard',
    title: '工伤预防工作考核评分情况',
    describe: (db, actor, scope, year) => describeScorecardOfYear(db, actor, scope, year, now()),
  },
];

/**
 * Reminders generated before a user's inbox is read (idempotent: each once per user and key): the
 * joint meeting's deadlines, warning-base reviews; a module that reminds adds its function here.
 */
const REMINDER_SOURCES: ((db: Db, actor: Actor, at: Date) => Promise<number>)[] = [
  refreshDeadlineNotifications,
  refreshBaseReviewReminders,
  // Cross-checks (AN-6): overdue hits join the action items' reminders.
  refreshCrosscheckReminders,
];

// Overview screen (AN-7, issue 18 part 3)
/**
 * The overview screen's extra panels (AN-7), in the screen's order; a module adds its entry here and
 * the screen renders it (the lead adds risk grades and open cross-check hits at merge).
 */
export const OVERVIEW_SOURCES: OverviewSource[] = [
  {
    key: 'training',
    title: '重点岗位培训覆盖',
    titleEn: 'Key-post training coverage',
    describe: describeTrainingForOverview,
    stamp: readTrainingStamp,
  },
  {
    key: 'publicity',
    title: '宣传与警示教育',
    titleEn: 'Publicity and warning education',
    describe: describePublicityForOverview,
    stamp: readPublicityStamp,
  },
  {
    key: 'risk',
    title: '企业风险指数',
    titleEn: 'Enterprise risk index',
    describe: describeRiskForOverview,
    stamp: readRiskStamp,
  },
  {
    key: 'crosschecks',
    title: '数据比对疑点',
    titleEn: 'Cross-check hits',
    describe: describeCrosschecksForOverview,
    stamp: readCrosscheckStamp,
  },
];
// End of overview screen

export async function buildApp({ database, config, logger = false }: BuildAppOptions) {
  const { db } = database;
  // 国密 at rest (decisions 0022, 0024): a bad or missing key stops the start here, naming the
  // variable (`serve` then checks the keys against the stored data).
  configurePiiCrypto();
  const app = Fastify({
    logger: withPrivateLogging(logger),
    trustProxy: config.trustProxy,
    // Forms and JSON are small; routes that take files set their own limit (exchange uploads,
    // meeting attachments).
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Every route, so the access tests can prove each one refuses siblings and the unpermitted.
  const registeredRoutes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', registeredRoutes);
  registerRequestHardening(app, config);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sent per request by registerRequestHardening: only over HTTPS (or with COOKIE_SECURE=true).
    strictTransportSecurity: false,
  });
  // A sane ceiling per client address on every route; sign-in and API tokens have tighter ones.
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: 60_000 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Yufang (预防) API',
        description:
          'Work-injury prevention platform. Sign in with POST /api/auth/login (session cookie); send the csrfToken from /api/auth/me in X-CSRF-Token on every write. Accept-Language: en for English messages.',
        version: API_VERSION,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yf_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthGuard(
    app,
    createSessionResolver(db, config),
    createTokenResolver(db),
    createTokenLimits(app, config),
  );

  const jobs = new JobQueue((error, name) => app.log.error({ err: error }, `job ${name} failed`));
  app.decorate('jobs', jobs);
  await registerOperations(app, {
    database,
    version: API_VERSION,
    metricsToken: config.metricsToken,
    gauges: [
      { name: 'yufang_import_queue_length', help: 'Import jobs queued or running', read: () => jobs.size },
      {
        name: 'yufang_analytics_refresh_pending_batches',
        help: 'Committed batches whose figures are not refreshed yet',
        read: async () => (await unsafeMeasureRefreshLag(db)).batches,
      },
      {
        name: 'yufang_analytics_refresh_lag_seconds',
        help: 'Age of the oldest pending figures refresh (0 when none waits)',
        read: async () => (await unsafeMeasureRefreshLag(db)).oldestSeconds,
      },
    ],
  });
  // Enterprise risk index (AN-5, issue 18 part 1): the risk index recomputes the employers a batch
  // touched after its commit, beside (and after) the analytics refresh.
  const riskMergeListener = createRiskMergeListener(now);
  // Cross-checks (AN-6): each import's commit refreshes the figures, then re-runs the rules.
  const mergeListener = combineMergeListeners(
    analyticsMergeListener,
    riskMergeListener,
    crosscheckMergeListener,
  );
  const runtime: ExchangeRuntime = { database, config, queue: jobs, mergeListener };
  const deps = { db, config };
  // A learner's account keeps its name masked; the greeting reads it from the holder (decision 0047).
  await app.register(authRoutes, { ...deps, ownName: describeLearnerOwnName });
  await app.register(usersRoutes, deps);
  await app.register(oidcRoutes, deps);
  await app.register(jurisdictionsRoutes, deps);
  await app.register(codeTablesRoutes, deps);
  await app.register(organisationsRoutes, { ...deps, employerListener: analyticsEmployerListener });
  await app.register(jointMeetingRoutes, deps);
  await app.register(meetingsRoutes, deps);
  await app.register(meetingDocumentsRoutes, deps);
  await app.register(inspectionsRoutes, deps);
  await app.register(yearlyReportsRoutes, { ...deps, reportSources: YEARLY_REPORT_SOURCES });
  await app.register(notificationsRoutes, {
    ...deps,
    refresh: async (db, actor, at) => {
      for (const remind of REMINDER_SOURCES) await remind(db, actor, at);
    },
  });
  await app.register(auditRoutes, deps);
  await app.register(dailyRoutes, { ...deps, tasks: DAILY_TASKS });
  await app.register(exchangeRoutes, { runtime });
  await app.register(enterprisesRoutes, deps);
  await app.register(analyticsRoutes, deps);
  await app.register(rankingRoutes, deps);
  // Enterprise risk index (AN-5, issue 18 part 1)
  await app.register(riskRoutes, deps);
  await app.register(bulletinsRoutes, deps);
  await app.register(expertsRoutes, deps);
  await app.register(projectsRoutes, deps);
  await app.register(financeRoutes, deps);
  // procure: payment standards (PP-11), procurement (PP-4)
  await app.register(procureRoutes, deps);
  await app.register(trainingRoutes, deps);
  await app.register(ratesRoutes, deps);
  await app.register(examsRoutes, deps);
  await app.register(trainingSessionsRoutes, deps);
  await app.register(studyRoutes, deps);
  await app.register(publicityRoutes, deps);
  await app.register(coverageExtrasRoutes, deps);
  await app.register(schoolsRoutes, deps);
  await app.register(providersRoutes, deps);
  // Public portal and open data (SV-2)
  await app.register(portalRoutes, deps);
  // scorecard (SV-1)
  await app.register(scorecardRoutes, deps);
  await app.register(settingsRoutes, { ...deps, settings: settingsRegistry });
  // workbench and 催办 (decision 0041)
  await app.register(workbenchRoutes, deps);
  await app.register(remindersRoutes, deps);
  // Cross-checks between departments' data (AN-6).
  await app.register(crosschecksRoutes, deps);
  // Overview screen (AN-7, issue 18 part 3)
  await app.register(overviewRoutes, { ...deps, sources: OVERVIEW_SOURCES });
  // 本单位: an employer's own record (issue 17 item 7, decision 0043)
  await app.register(myEmployerRoutes, deps);

  const hasWeb = fs.existsSync(path.join(config.webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (vite.config.ts, decision 0031).
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // Hashed file names change with their content: cached for a year, never revalidated.
        // Everything else (index.html) is revalidated, so a deployment is seen at the next load.
        reply.header(
          'cache-control',
          /[/\\]assets[/\\]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the single-page app get index.html; unknown API paths a JSON 404.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: translate('not_found', languageOf(request)),
    });
  });
  return app;
}
