// The prerendered first paint (hts_compiler::prerender): content with JavaScript off, a
// clean hand-over to the app, no unfiltered results for a shared link, anchors, the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { start, open, settled, cards, attr, params, ROOT, DIST, CHROMIUM_ARGS } from './helpers.mjs';

const require = createRequire(path.join(ROOT, 'scripts/package.json'));
const { chromium } = require('playwright-core');

const bundle = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policies.json'), 'utf8'));
const indexHtml = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const prerenderedIds = [...indexHtml.matchAll(/<article class="provision" data-id="([^"]+)"/g)].map((m) => m[1]);
const hunan = bundle.provisions.filter((p) => p.doc === 'hunan-hts');
// Cards in the first screen (`FIRST_SCREEN` in src/page.rs and crates/compiler/src/prerender.rs).
const FIRST_SCREEN = 6;

// Before any page script: CSP violations, and on every frame what would be painted — the
// provinces of the visible cards, whether the placeholder or nothing shows.
const WATCH = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__frames = [];
  const seen = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const frame = () => {
    if (document.body) {
      const provinces = [...document.querySelectorAll('article.provision[data-province]')].filter(seen).map((e) => e.dataset.province);
      const placeholder = [...document.querySelectorAll('.pre-placeholder')].some(seen);
      const prerendered = !!document.getElementById('prerendered');
      window.__frames.push({ provinces: [...new Set(provinces)], cards: provinces.length, placeholder, prerendered });
    }
    if (window.__frames.length < 2000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // Every card ever inserted, and whether it is the app's (not the prerendered block's).
  window.__inserted = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      for (const c of [n, ...n.querySelectorAll('article.provision')].filter((e) => e.matches('article.provision'))) {
        window.__inserted.push({ province: c.dataset.province, app: !c.closest('#prerendered') });
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

let site;
let browser;
let noJs;
let noWorker;
before(async () => {
  site = await start();
  await site.context.addInitScript(WATCH);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  // Requests a service worker answers are not routed: where a test holds the wasm back,
  // no worker.
  noWorker = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await noWorker.addInitScript(WATCH);
});
after(async () => { await noJs.close(); await noWorker.close(); await browser.close(); await site.close(); });

/** A page of the worker-less context whose wasm waits for `release()`; records errors. */
async function heldPage() {
  const page = await noWorker.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  return { page, release };
}

test('the build writes the first screen of the default view and every document page', () => {
  assert.equal(prerenderedIds.length, FIRST_SCREEN, 'the first screen of cards');
  const results = bundle.provisions.slice(0, FIRST_SCREEN).map((p) => p.id);
  assert.deepEqual(prerenderedIds, results, 'in document order, as the app shows them');
  assert.match(indexHtml, new RegExp(`共 ${bundle.provisions.length} 条条文`));
  for (const d of bundle.documents) assert.ok(fs.existsSync(path.join(DIST, `docs/${d.id}.html`)), `docs/${d.id}.html`);
  assert.ok(fs.existsSync(path.join(DIST, 'docs/index.html')), 'the list of documents');
  // index.html links the list, not every document: its size does not grow with them.
  assert.doesNotMatch(indexHtml, /class="doc-(list|card)"/, 'the documents are listed on a page of their own');
  assert.match(indexHtml, new RegExp(`<a href="\\./docs/index\\.html">全部 ${bundle.documents.length} 份文件的全文`));
  assert.doesNotMatch(indexHtml, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'), /docs\//, 'static pages (the list too) are not precached');
});

test('docs/index.html lists every document of the bundle, relative links only, no script', () => {
  const html = fs.readFileSync(path.join(DIST, 'docs/index.html'), 'utf8');
  assert.match(html, /<title>文件列表 · 高技术服务业政策浏览器<\/title>/);
  assert.match(html, /script-src 'none'/);
  assert.doesNotMatch(html, /<script/i, 'no script');
  assert.doesNotMatch(html, /data-testid/);
  const urls = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(urls.every((u) => /^(\.\.?\/|#)/.test(u)), `relative URLs only: ${urls.filter((u) => !/^(\.\.?\/|#)/.test(u))}`);
  // Each document linked to its reader (resolved from docs/), and every link to a file of
  // the site.
  const from = new URL('http://site/docs/index.html');
  const targets = urls.filter((u) => !u.startsWith('#')).map((u) => new URL(u, from).pathname.slice(1));
  for (const t of targets) assert.ok(fs.existsSync(path.join(DIST, t)), `${t} is in dist/`);
  for (const d of bundle.documents) {
    assert.equal(targets.filter((t) => t === `docs/${d.id}.html`).length, 1, `${d.id} linked once`);
    assert.match(html, new RegExp(`data-id="${d.id}"`));
  }
  assert.equal(html.match(/<article class="doc-card"/g).length, bundle.documents.length, 'every document, no other');
});

test('without JavaScript, index.html shows results and facets, and leads to every document', async () => {
  const page = await noJs.newPage();
  await page.goto(site.base);
  const visible = page.locator('#prerendered article.provision:visible');
  assert.equal(await visible.count(), FIRST_SCREEN);
  assert.match(await page.locator('#prerendered .result-count').innerText(), /共 \d+ 条条文/);
  assert.equal(await page.locator('.pre-placeholder').isVisible(), false);
  const hunanCount = await page.locator('#prerendered label[for=pre-opt-province-hunan] .count').innerText();
  assert.equal(Number(hunanCount), hunan.length, 'facet counts as the app computes them');
  assert.match(await page.locator('.pre-noscript').innerText(), /JavaScript/);
  // No control that would do nothing is shown.
  assert.equal(await page.locator('#prerendered .search').isVisible(), false);
  assert.equal(await page.locator('#prerendered #pre-search').isVisible(), false);
  assert.equal(await page.locator('#prerendered .actions').first().isVisible(), false);
  // "N more" leads to the list of documents too.
  assert.equal(await page.locator('#prerendered .pre-more a[href="./docs/index.html"]').first().isVisible(), true);
  const toList = page.locator('#prerendered .pre-documents a');
  assert.match(await toList.innerText(), new RegExp(`全部 ${bundle.documents.length} 份文件的全文`));
  await toList.click();
  await page.waitForURL(/\/docs\/index\.html$/);
  const docs = page.locator('.doc-list .doc-card h3 a');
  assert.equal(await docs.count(), bundle.documents.length);
  assert.equal(await page.locator('h1').count(), 1);
  await page.locator(`.doc-card[data-id="hunan-hts"] h3 a`).click();
  await page.waitForURL(/\/docs\/hunan-hts\.html$/);
  assert.match(await page.locator('h1').innerText(), /湖南/);
  assert.equal(await page.locator('.reader-provision').count(), hunan.length);
  // And back: the site's name leads to the explorer.
  await page.goBack();
  await page.locator('.site-name a').click();
  await page.waitForURL((u) => u.pathname.endsWith('/index.html'));
  assert.equal(await page.locator('#prerendered article.provision:visible').count(), FIRST_SCREEN);
  await page.close();
});

test('without JavaScript, docs/hunan-hts.html shows every provision with its anchor', async () => {
  const page = await noJs.newPage();
  await page.goto(site.base + 'docs/hunan-hts.html');
  assert.match(await page.locator('h1').innerText(), /湖南/);
  const ids = await page.locator('.reader-provision').evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(ids, hunan.map((p) => p.id), 'every provision, with the app\'s ids');
  for (const field of ['issuer', 'date', 'doc_number']) assert.equal(await page.locator(`dd[data-field=${field}]`).count(), 1);
  // The outline links to headings on the page.
  const targets = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(targets.length > 3);
  for (const t of targets) assert.equal(await page.locator(`[id="${decodeURIComponent(t.slice(1))}"]`).count(), 1, t);
  // Each provision links back into the app's reader, relatively.
  const back = await page.locator(`[id="${hunan[5].id}"] a.in-app`).getAttribute('href');
  assert.equal(back, `../index.html?view=documents&doc=hunan-hts#${hunan[5].id}`);
  const urls = await page.locator('[href], [src]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
  assert.ok(urls.every((u) => u.startsWith('../') || u.startsWith('#')), `relative URLs only: ${urls.filter((u) => !/^(\.\.\/|#)/.test(u))}`);
  // A fragment scrolls to its provision.
  const deep = hunan[hunan.length - 3];
  await page.goto(site.base + `docs/hunan-hts.html#${deep.id}`);
  const box = await page.locator(`[id="${deep.id}"]`).boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `#${deep.id} in view: ${JSON.stringify(box)}`);
  // Responsible departments, where the text names them.
  await page.goto(site.base + 'docs/guangdong-hts.html');
  const withDepartments = bundle.provisions.filter((p) => p.doc === 'guangdong-hts' && p.departments.length > 0);
  assert.ok(withDepartments.length > 0);
  for (const p of withDepartments) {
    // (textContent: the cards off screen skip rendering, `content-visibility: auto`.)
    assert.equal(await page.locator(`[id="${p.id}"] .departments`).textContent(), `责任单位 Responsible：${p.departments.join('、')}`);
  }
  await page.close();
});

test('axe-core finds no violation on docs/index.html', async () => {
  const page = await site.page();
  await page.goto(site.base + 'docs/index.html');
  // Evaluated by the driver, not injected: the page's CSP allows no script.
  await page.evaluate(fs.readFileSync(path.join(ROOT, 'scripts/node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')}`), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('with JavaScript, the app replaces the prerendered block with no blank or different frame', async () => {
  const page = await site.page();
  await open(page, site.base);
  assert.equal(await page.locator('#prerendered').count(), 0, 'the prerendered block is gone');
  const ids = await attr(cards(page), 'data-id');
  assert.deepEqual(ids.slice(0, FIRST_SCREEN), prerenderedIds, 'the app shows the same first screen');
  const frames = await page.evaluate(() => window.__frames);
  const first = frames.findIndex((f) => f.cards > 0);
  // On a fast load the app may be ready before the first frame: then its first frame is
  // the same first screen, never fewer cards.
  assert.ok(first >= 0 && (frames[first].prerendered || frames[first].cards >= FIRST_SCREEN), 'the first frame with content is the prerendered one, or the app\'s whole first screen');
  const blank = frames.slice(first).filter((f) => f.cards === 0);
  assert.deepEqual(blank, [], 'no frame without results after the first content');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a filtered link never shows a card of another province', async () => {
  const page = await site.page();
  await page.goto(site.base + '?province=jilin');
  await page.waitForSelector('[data-testid=provision]');
  await settled(page);
  assert.equal(await page.locator('#prerendered').count(), 0);
  assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['jilin']);
  const frames = await page.evaluate(() => window.__frames);
  const wrong = frames.filter((f) => f.provinces.some((p) => p !== 'jilin'));
  assert.deepEqual(wrong, [], 'no painted frame shows a non-Jilin card');
  const inserted = await page.evaluate(() => window.__inserted);
  assert.deepEqual(inserted.filter((c) => c.province !== 'jilin' && c.app), [], 'the app never inserted a non-Jilin card');
  assert.ok(frames.some((f) => f.placeholder) || frames.find((f) => f.cards > 0)?.provinces.join() === 'jilin',
    'the placeholder, or the app\'s Jilin cards, came first');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a fragment or a query shows the placeholder, not the unfiltered results, until the app runs', async () => {
  // The wasm held back, to look at the page before the app starts.
  const { page, release } = await heldPage();
  await page.goto(site.base + `?q=%E8%B4%A8%E6%8A%BC#${hunan[2].id}`, { waitUntil: 'commit' });
  await page.waitForSelector('.pre-placeholder', { state: 'visible' });
  assert.match(await page.locator('.pre-placeholder').innerText(), /正在载入/);
  assert.equal(await page.locator('#prerendered article.provision:visible').count(), 0);
  release();
  await page.waitForSelector('[data-testid=provision]');
  await settled(page);
  for (const text of await cards(page).allInnerTexts()) assert.match(text, /质押/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('what a visitor types or ticks before the app starts is kept', async () => {
  const { page, release } = await heldPage();
  await page.goto(site.base, { waitUntil: 'commit' });
  await page.locator('#pre-opt-province-hunan').check();
  await page.locator('#pre-search').fill('质押');
  release();
  await page.waitForSelector('[data-testid=provision]');
  await settled(page);
  assert.deepEqual(params(page), { province: 'hunan', q: '质押' });
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '质押');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', 'typing goes on in the app\'s box');
  assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['hunan']);
  await page.close();
});

test('anchors work in the app and in the static pages with JavaScript', async () => {
  const page = await site.page();
  const target = hunan[hunan.length - 2].id;
  await page.goto(site.base + `?view=documents&doc=hunan-hts#${target}`);
  await page.waitForSelector(`[data-testid=reader-provision][data-id="${target}"].highlighted`);
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, target);
  // The static page's link back into the app lands on the same provision.
  await page.goto(site.base + 'docs/hunan-hts.html');
  await page.locator(`[id="${target}"] a.in-app`).click();
  await page.waitForSelector(`[data-testid=reader-provision][data-id="${target}"].highlighted`);
  assert.equal(params(page).doc, 'hunan-hts');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('offline.html is built without the block and still works from file://', async () => {
  const html = fs.readFileSync(path.join(DIST, 'offline.html'), 'utf8');
  assert.doesNotMatch(html, /id="prerendered"/);
  assert.doesNotMatch(html, /href="\.\/docs\//, 'no link to the static pages, which are not beside it');
  const page = await site.page();
  await page.goto(pathToFileURL(path.join(DIST, 'offline.html')).href);
  await page.waitForSelector('[data-testid=provision]');
  assert.ok(await cards(page).count() >= 8);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('navigation to first content (measured, not asserted)', async () => {
  const page = await noWorker.newPage();
  const runs = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(site.base);
    await page.waitForSelector('[data-testid=provision]');
    runs.push(await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const app = performance.getEntriesByName('hts:results-updated')[0]?.startTime;
      return { fcp, app };
    }));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fcp = median(runs.map((r) => r.fcp));
  const app = median(runs.map((r) => r.app));
  console.log(`# navigation → first contentful paint (prerendered results): median ${fcp.toFixed(0)} ms; → app's results: median ${app.toFixed(0)} ms (${runs.length} loads)`);
  await page.close();
  // With a warm cache the app may have its results before the first frame (then that frame
  // shows them): that the first content does not wait for the app is asserted with the
  // wasm held back.
  const { page: held, release } = await heldPage();
  await held.goto(site.base, { waitUntil: 'domcontentloaded' });
  const paint = await held.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  assert.ok(await paint.jsonValue() > 0);
  assert.equal(await held.evaluate(() => performance.getEntriesByName('hts:results-updated').length), 0, 'the first content painted before the app ran');
  release();
  await held.waitForSelector('[data-testid=provision]');
  await held.close();
});
