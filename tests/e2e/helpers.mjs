// Shared set-up for the end-to-end tests: the built site (dist/) served on loopback and
// Debian's Chromium driven by playwright-core (which never downloads a browser).
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.join(ROOT, 'dist');
const require = createRequire(path.join(ROOT, 'scripts/package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(path.join(ROOT, 'scripts/static-server.mjs'));

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser; returns { base, browser, page(), close() }. */
export async function start({ prefix = '/' } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is not built: run scripts/build');
  const server = await serve(DIST, { prefix });
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const pages = [];
  return {
    base,
    context,
    /** A new page that records console errors, page errors and failed requests. */
    async page({ width = 1280, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      page.problems = [];
      page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()}`));
      page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
      pages.push(page);
      return page;
    },
    async close() {
      await context.close();
      server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens `query` (e.g. '?province=hunan') and waits for the app to render. */
export async function open(page, base, query = '') {
  await page.goto(base + query);
  await page.waitForSelector('[data-testid=result-count], [data-testid=reader], .documents, .compare, .targets');
  await settled(page);
}

/** Waits until the results list (if shown) has rendered its whole page: the first
 *  screen comes at once, the rest a frame later. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid=result-list]');
    return !list || list.dataset.complete === 'true';
  });
}

/** Clicks a copy button and returns what reached the clipboard: the citations and BibTeX
 *  are copied once their code is loaded (src/lazy.rs), so this waits for the clipboard to
 *  change (and times out if it never does). */
export async function copied(page, button) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button.click();
  for (const end = Date.now() + 10_000; Date.now() < end; await page.waitForTimeout(50)) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text) return text;
  }
  throw new Error('nothing reached the clipboard in 10 s');
}

export const cards = (page) => page.locator('[data-testid=provision]');
export async function cardCount(page) { await settled(page); return cards(page).count(); }
export async function cardTexts(page) { await settled(page); return cards(page).allInnerTexts(); }

/** The number in the result count, e.g. "共 26 条条文" → 26. */
export async function resultCount(page) {
  const text = await page.locator('[data-testid=result-count]').innerText();
  return Number(text.match(/\d+/)[0]);
}

export async function attr(locator, name) {
  await settled(locator.page());
  return locator.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
}

/** The query string of the page as an object of strings. */
export function params(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Saves a screenshot under tests/e2e/artifacts/ (ignored by git) for a person to look at. */
export async function screenshot(page, name) {
  const dir = path.join(here, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** The top of element `id` (px from the window's top) once it has stayed put for three
 *  frames: where a scroll to it has settled. */
export async function settledTop(page, id) {
  return page.evaluate(async (id) => {
    const at = () => Math.round(document.getElementById(id).getBoundingClientRect().top);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let last = NaN;
    for (let stable = 0; stable < 3;) { await frame(); const now = at(); stable = now === last ? stable + 1 : 0; last = now; }
    return last;
  }, id);
}
