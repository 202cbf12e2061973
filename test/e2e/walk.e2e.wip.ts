// NOT IN THE SUITE YET (session 12): this file's name does not match the browser project's
// `*.test.ts`, so `npm test` does not run it. Run it by copying it to `walk.e2e.test.ts` (after
// `npm run build:web`). Its last run (PGlite, a machine loaded by other work) took 613 s and failed 9
// of 14 roles: overflow at 390 px on /analytics/targets, /crosschecks and /finance (en); no heading
// within 3 s on /own-projects (school, employer) and /my-employer (employer), and on slower pages
// under load. It joins the suite when those are fixed and it fits the time budget (aim ≤ 3 min per
// database). See the closing note of session 12 and issue 19.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { type Permission, permissionsOf, type Role } from '../../src/platform/auth/permissions.js';
import { en, zh } from '../../src/web/i18n/messages.js';
import { type AppRoute, MENU_GROUPS, mayOpen, ROUTES } from '../../src/web/routes.js';
import { DEMO_PASSWORD, TEST_PASSWORD } from '../helpers.js';
import { type BrowserApp, resultsDir, startBrowserApp } from './browser.js';

/**
 * The walk (issue 19): every page of the menu, for every role, in both languages, on a desk and a
 * phone. The pages come from the route table (src/web/routes.tsx) and the role's permissions, so a new
 * page is walked without touching this file; on the desk the sidebar must list exactly those pages.
 * Left out: pages whose path holds an id (detail pages, the bulletin's print view) — they need records
 * and are covered by their modules' tests.
 *
 * A page fails on a console error or page error; a refused or failed request other than 401/403/404
 * (expected: the anonymous /api/auth/me, a record a role may not see); a main heading (the first
 * h1–h5 or card title of the page) not visible within 3 s; a string of the other language's UI
 * dictionary (src/web/i18n/messages.ts) on the page; on the phone, a page wider than the screen.
 */

const WIDTHS = [1440, 390] as const;
const LANGUAGES = ['zh', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const DICTIONARIES: Record<Language, Record<string, string>> = { zh, en };
const HEADING_TIMEOUT = 3000;
/**
 * Data the pages show as it is stored, in Chinese on the English page too (as 福建省 is), which happens
 * to equal a string of the Chinese dictionary: not a leftover of the UI. Nothing else is excused.
 */
const CHINESE_DATA = new Set([
  '全国', // the root jurisdiction's name (modules/jurisdictions/jurisdictions.data.ts); level.national
  '交通运输', // a key industry's name (enterprises' data); dept.transport
  '系统管理员', // the demo administrators' display names (src/seed/demo.ts); role.system_admin …
  '安全管理员',
  '审计管理员',
]);
const EXPECTED_REFUSALS = new Set([401, 403, 404]);

interface Walker {
  /** What the role stands for in the failure list and the screenshots' names. */
  name: string;
  role: Role;
  /** A demo account (src/seed/demo.ts); otherwise one is built for the role. */
  username?: string;
  jurisdictionCode?: string;
  /** The built account's organisation, by name (from the demo data). */
  organisation?: string;
}

/**
 * Every role of platform/auth/permissions.ts, and the kinds of unit that use a role differently. The
 * test database holds the demo accounts of src/seed/demo.ts; the other demo seeds' accounts (fjyjt,
 * fzcz, xiehui, zhuanjia1, rcjz) are built alike, on the demo data's organisations.
 */
const WALKERS: Walker[] = [
  { name: 'province-hrss', role: 'hrss_officer', username: 'fujian' },
  { name: 'prefecture-hrss', role: 'hrss_officer', username: 'fuzhou' },
  { name: 'system-admin', role: 'system_admin', username: 'admin' },
  { name: 'security-admin', role: 'security_admin', username: 'secadmin' },
  { name: 'audit-admin', role: 'audit_admin', username: 'auditor' },
  {
    name: 'member-officer',
    role: 'member_officer',
    jurisdictionCode: '350000',
    organisation: '福建省应急管理厅',
  },
  { name: 'finance', role: 'member_officer', jurisdictionCode: '350100', organisation: '福州市财政局' },
  { name: 'si-agency', role: 'si_agency_officer', jurisdictionCode: '350100' },
  { name: 'expert', role: 'expert', jurisdictionCode: '350100' },
  { name: 'association', role: 'service_org', jurisdictionCode: '350100', organisation: '福州市建筑业协会' },
  { name: 'school', role: 'service_org', jurisdictionCode: '350100', organisation: '福建省福州技师学院' },
  { name: 'employer', role: 'employer', jurisdictionCode: '350100', organisation: '福州早期试点登记企业' },
  { name: 'learner', role: 'learner', jurisdictionCode: '350100', organisation: '福州早期试点登记企业' },
];

const hasParams = (route: AppRoute) => route.path.includes(':');

/** The signed-in pages a role may open (menu pages, the workbench, inbox and password page). */
function pagesOf(role: Role): AppRoute[] {
  const held = permissionsOf(role);
  const can = (p: Permission) => held.has(p);
  const pages = ROUTES.filter((r) => r.layout !== 'public' && !hasParams(r) && mayOpen(r, can));
  // The workbench first: each context starts there.
  return [...pages.filter((r) => r.path === ''), ...pages.filter((r) => r.path !== '')];
}

const COMBINATIONS = LANGUAGES.flatMap((language) => WIDTHS.map((width) => ({ language, width })));

/**
 * Which of the four language × width combinations a walker opens a page in. Every walker opens every
 * page of its role at least once, and every page is opened in all four combinations: a page that four
 * or more walkers may open is shared out among them (the n-th of them takes combination n, n+1 …), a
 * page fewer walkers may open is opened by each of them in all four. The time budget (issue 19: about
 * 3 minutes a database on two cores) does not allow all four for every walker (≈ 1,000 page loads).
 */
function combinationsOf(walker: Walker, route: AppRoute): number[] {
  if (route.path === '') return [0, 1, 2, 3];
  const holders = WALKERS.filter((w) => pagesOf(w.role).includes(route));
  if (holders.length < COMBINATIONS.length) return [0, 1, 2, 3];
  const n = holders.indexOf(walker);
  const share = Math.ceil(COMBINATIONS.length / holders.length);
  return Array.from({ length: share }, (_, i) => (n * share + i) % COMBINATIONS.length);
}

/** What the desk's sidebar lists for a role, per group: the route table filtered by permissions. */
function menuOf(role: Role, language: Language): Map<string, string[]> {
  const held = permissionsOf(role);
  const can = (p: Permission) => held.has(p);
  const dict = DICTIONARIES[language];
  const menu = new Map<string, string[]>();
  for (const group of MENU_GROUPS) {
    const entries = ROUTES.filter((r) => r.group === group.key && mayOpen(r, can));
    if (!entries.some((r) => r.layout !== 'public')) continue;
    menu.set(
      dict[group.label] ?? group.label,
      entries.map((r) => dict[r.label] ?? r.label),
    );
  }
  return menu;
}

/**
 * Installed in every page: finds on the page the strings of the other language's dictionary. A
 * string counts when a whole text node (or a placeholder, title or aria-label) equals it, or matches it
 * with its {placeholders} filled; strings both dictionaries hold, those without a letter, and text
 * marked (lang) as in the other language do not.
 */
function foreignFinder({ language, own, other }: { language: string; own: string[]; other: string[] }) {
  const owned = new Set(own.map((s) => s.trim()));
  const exact = new Set<string>();
  const patterns: string[] = [];
  for (const raw of other) {
    const value = raw.trim();
    // A format's or standard's name (JSON, CSV, DOCX) reads the same in both languages.
    if (owned.has(value) || /^[A-Z0-9][A-Z0-9 ./-]*$/.test(value)) continue;
    if (!value.includes('{')) {
      if (/\p{L}/u.test(value)) exact.add(value);
      continue;
    }
    const fixed = value.split(/\{\w+\}/);
    if (!fixed.some((part) => /\p{L}{2}/u.test(part))) continue;
    const escaped = fixed.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.push(escaped.join('.+?'));
  }
  const pattern = new RegExp(`^(?:${patterns.join('|')})$`, 'su');
  const matches = (text: string) => exact.has(text) || pattern.test(text);
  (window as unknown as { walkForeign: () => string[] }).walkForeign = () => {
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript')) continue;
      // Text marked as in the other language (lang, as for a screen reader) is meant so: a file's
      // Chinese column headers on the English page of the exchange formats.
      const marked = parent.closest('[lang]');
      if (marked && marked !== document.documentElement && !marked.getAttribute('lang')?.startsWith(language))
        continue;
      const text = (node.textContent ?? '').trim();
      if (text && matches(text)) found.add(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const text = element.getAttribute(name)?.trim();
        if (text && matches(text)) found.add(`${name}="${text}"`);
      }
    }
    return [...found];
  };
}

/** The first heading of the page: an h1–h5 or a card's title, in the shell's <main> or the bare page. */
const HEADING = ['h1', 'h2', 'h3', 'h4', 'h5', '.ant-card-head-title'];
const headingSelector = (scope: string) =>
  HEADING.map((h) => `${scope} ${h}:not([data-walk-seen])`).join(', ');

interface Context {
  context: BrowserContext;
  page: Page;
  /** Requests under way (the page has settled when none is for a while). */
  inflight: Set<unknown>;
  /** What went wrong since the last look. */
  problems: string[];
  /** Refusals seen (401/403/404), printed, not failed. */
  refusals: string[];
}

async function openContext(
  app: BrowserApp,
  language: Language,
  width: number,
  cookie?: string,
): Promise<Context> {
  const context = await app.browser.newContext({
    viewport: { width, height: width > 500 ? 900 : 844 },
    locale: language === 'zh' ? 'zh-CN' : 'en-US',
  });
  if (cookie) await context.addCookies([{ name: 'yf_session', value: cookie, url: app.baseUrl }]);
  await context.addInitScript((language) => {
    // about:blank, before the first page, has no storage of its own.
    if (location.protocol === 'http:') localStorage.setItem('yufang.language', language);
  }, language);
  await context.addInitScript(foreignFinder, {
    language,
    own: Object.values(DICTIONARIES[language]),
    other: Object.values(DICTIONARIES[language === 'zh' ? 'en' : 'zh']).filter(
      (v) => language === 'zh' || !CHINESE_DATA.has(v),
    ),
  });
  const inflight = new Set<unknown>();
  const problems: string[] = [];
  const refusals: string[] = [];
  context.on('request', (r) => inflight.add(r));
  context.on('requestfinished', (r) => inflight.delete(r));
  context.on('requestfailed', (r) => {
    inflight.delete(r);
    // A request cancelled by the page (TanStack Query's signal, a navigation) is no failure.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  context.on('response', (r) => {
    if (r.status() < 400) return;
    const line = `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`;
    if (EXPECTED_REFUSALS.has(r.status())) refusals.push(line);
    else problems.push(`request refused: ${line}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium reports every refused request on the console too: those are judged above.
    if (/^Failed to load resource: the server responded with a status of 40[134]\b/.test(m.text())) return;
    problems.push(`console error: ${m.text().slice(0, 300)}`);
  });
  return { context, page, inflight, problems, refusals };
}

/** Waits until no request has been under way for 150 ms (at most 5 s). */
async function settle(c: Context): Promise<void> {
  const end = Date.now() + 5000;
  let quietSince = Date.now();
  while (Date.now() < end) {
    await c.page.waitForTimeout(50);
    if (c.inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 150) return;
  }
}

/** The texts of a list, waited for (up to 1 s) while they differ from what is expected (the menu's motion). */
async function textsOf(list: Locator, expected: string[]): Promise<string[]> {
  let texts = await list.allTextContents();
  for (let i = 0; i < 10 && texts.join('|') !== expected.join('|'); i++) {
    await list.page().waitForTimeout(100);
    texts = await list.allTextContents();
  }
  return texts;
}

/** Opens a page inside the app (the router follows history), without reloading it. */
async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({ usr: null, key: to, idx: window.history.length }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, to);
}

/**
 * Looks at the page now showing: its heading, then (settled) foreign strings and the width. Returns
 * the failures, each prefixed with where it happened.
 */
async function inspect(c: Context, where: string, scope: string, width: number): Promise<string[]> {
  const { page } = c;
  const failures: string[] = [];
  const heading = page.locator(headingSelector(scope)).first();
  const seen = await heading
    .waitFor({ state: 'visible', timeout: HEADING_TIMEOUT })
    .then(() => true)
    .catch(() => false);
  if (!seen) failures.push(`no main heading within ${HEADING_TIMEOUT} ms`);
  await settle(c);
  const foreign = await page.evaluate(() =>
    (window as unknown as { walkForeign: () => string[] }).walkForeign(),
  );
  if (foreign.length > 0) failures.push(`other language: ${foreign.slice(0, 8).join(' | ')}`);
  if (width < 500) {
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement as Element;
      if (root.scrollWidth <= root.clientWidth) return null;
      // The outermost elements that reach past the screen's right edge: what to fix.
      const wide = [...document.body.querySelectorAll('*')].filter(
        (e) => e.getBoundingClientRect().right > root.clientWidth + 1 && e.getClientRects().length > 0,
      );
      const outermost = wide.filter((e) => !wide.includes(e.parentElement as Element));
      const describe = (e: Element) =>
        `${e.tagName.toLowerCase()}${[...e.classList].map((c) => `.${c}`).join('')}`.slice(0, 80);
      return `${root.scrollWidth} px wide in ${root.clientWidth} px: ${outermost.slice(0, 3).map(describe).join(', ')}`;
    });
    if (overflow) failures.push(`overflow: ${overflow}`);
  }
  failures.push(...c.problems.splice(0));
  // The next page's heading must be its own: mark this page's headings as seen.
  await page.evaluate(
    (selector) => {
      for (const h of document.querySelectorAll(selector)) h.setAttribute('data-walk-seen', '');
    },
    HEADING.map((h) => `${h}:not([data-walk-seen])`).join(', '),
  );
  if (failures.length > 0) {
    const file = `walk-${where.replace(/[^\w-]+/g, '_')}.png`;
    await page.screenshot({ path: path.join(resultsDir, file) }).catch(() => undefined);
  }
  return failures.map((f) => `${where}: ${f}`);
}

describe('end to end in Chromium: the walk of every page, role, language and width', () => {
  let app: BrowserApp;
  /** One session per walker, shared by its four browser contexts. */
  const sessions = new Map<string, string>();
  const started = Date.now();

  beforeAll(async () => {
    app = await startBrowserApp();
    for (const w of WALKERS) {
      let username = w.username;
      let password = DEMO_PASSWORD;
      if (!username) {
        const [org] = w.organisation
          ? await app.t.db
              .select({ id: organisations.id })
              .from(organisations)
              .where(eq(organisations.name, w.organisation))
          : [];
        if (w.organisation && !org) throw new Error(`no organisation ${w.organisation}`);
        ({ username } = await app.t.buildUser({
          role: w.role,
          jurisdictionCode: w.jurisdictionCode ?? '350100',
          organisationId: org?.id,
        }));
        password = TEST_PASSWORD;
      }
      const agent = await app.t.signIn(username, password);
      sessions.set(w.name, agent.cookie.replace(/^yf_session=/, ''));
    }
  });
  afterAll(async () => {
    console.info(`[walk] ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await app?.close();
  });

  it('walks the public pages signed out', async () => {
    const pages = ROUTES.filter((r) => r.layout === 'public' && !hasParams(r));
    const failures: string[] = [];
    for (const language of LANGUAGES)
      for (const width of WIDTHS) {
        const c = await openContext(app, language, width);
        await c.page.goto(`${app.baseUrl}/${pages[0]?.path ?? ''}`);
        for (const [i, route] of pages.entries()) {
          if (i > 0) await navigate(c.page, `/${route.path}`);
          failures.push(...(await inspect(c, `public ${language} ${width} /${route.path}`, 'body', width)));
        }
        await c.context.close();
      }
    if (failures.length > 0)
      fs.writeFileSync(path.join(resultsDir, 'walk-public.txt'), `${failures.join('\n')}\n`);
    expect(failures.join('\n')).toBe('');
  });

  /** One browser context: signs in by the walker's session, walks its pages, says what failed. */
  async function walkContext(walker: Walker, combination: number) {
    const { language, width } = COMBINATIONS[combination] as (typeof COMBINATIONS)[number];
    const { name } = walker;
    const c = await openContext(app, language, width, sessions.get(name));
    const label = `${name} ${language} ${width}`;
    const failures: string[] = [];
    await c.page.goto(`${app.baseUrl}/`);
    // The 3 s of the first page count from the shell's start: the cold load of the app (its bundle,
    // the session) is cold-load.e2e.test.ts's to judge.
    await c.page.getByTestId('sidebar').waitFor({ state: 'attached', timeout: 20_000 });
    const menu = menuOf(walker.role, language);
    const sidebar = c.page.getByTestId('sidebar');
    const pages = pagesOf(walker.role).filter((r) => combinationsOf(walker, r).includes(combination));
    for (const [i, route] of pages.entries()) {
      if (i > 0) await navigate(c.page, `/${route.path}`);
      const scope = route.layout === 'bare' ? 'body' : 'main';
      const t0 = Date.now();
      failures.push(...(await inspect(c, `${label} /${route.path}`, scope, width)));
      if (process.env.WALK_DEBUG) console.log(`${label} /${route.path} ${Date.now() - t0} ms`);
      // The desk's sidebar: its groups, and in the open group (this page's) the group's items.
      if (width < 500 || route.layout === 'bare') continue;
      if (i === 0) {
        const groups = await textsOf(sidebar.locator('.ant-menu-submenu-title'), [...menu.keys()]);
        if (groups.join('|') !== [...menu.keys()].join('|'))
          failures.push(`${label}: sidebar groups ${groups.join('|')}, not ${[...menu.keys()].join('|')}`);
      }
      const group = MENU_GROUPS.find((g) => g.key === route.group);
      const expected = group ? menu.get(DICTIONARIES[language][group.label] ?? '') : undefined;
      if (!expected) continue;
      const items = await textsOf(sidebar.locator('.ant-menu-submenu-open .ant-menu-item'), expected);
      if (items.join('|') !== expected.join('|'))
        failures.push(`${label} /${route.path}: sidebar items ${items.join('|')}, not ${expected.join('|')}`);
    }
    // One picture of the workbench per role, language and width, besides one per failing page.
    await navigate(c.page, '/');
    await c.page.waitForTimeout(200);
    await c.page.screenshot({ path: path.join(resultsDir, `walk-${name}-${language}-${width}.png`) });
    await c.context.close();
    return { failures, refusals: c.refusals.map((r) => `${r} (${language} ${width})`) };
  }

  for (const walker of WALKERS) {
    // The four contexts of a role at once: the page loads of one overlap the checks of another.
    it(`walks every page of ${walker.name}`, { timeout: 300_000 }, async () => {
      const results = await Promise.all(
        COMBINATIONS.map((_, combination) => walkContext(walker, combination)),
      );
      const refusals = [...new Set(results.flatMap((r) => r.refusals))];
      if (refusals.length > 0)
        console.info(`[walk] ${walker.name}: expected refusals\n${refusals.join('\n')}`);
      const failures = results.flatMap((r) => r.failures);
      if (failures.length > 0)
        fs.writeFileSync(path.join(resultsDir, `walk-${walker.name}.txt`), `${failures.join('\n')}\n`);
      expect(failures.join('\n')).toBe('');
    });
  }
});
