// Hosting anywhere: the single offline file from file://, a sub-path, the service
// worker's offline cache, and a strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { start, ROOT, DIST, CHROMIUM_ARGS, cards, attr, params, cardCount, cardTexts } from './helpers.mjs';

const { chromium } = createRequire(path.join(ROOT, 'scripts/package.json'))('playwright-core');

let site;
let subpath;
let browser;
before(async () => {
  site = await start();
  subpath = await start({ prefix: '/policy/' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => { await site.close(); await subpath.close(); await browser.close(); });

test('offline.html works from file:// with the URL contract', async () => {
  const page = await site.page();
  const file = pathToFileURL(path.join(DIST, 'offline.html')).href;
  await page.goto(file + '?province=hunan&q=%E8%B4%A8%E6%8A%BC');
  await page.waitForSelector('[data-testid=provision]');
  assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['hunan']);
  for (const text of await cardTexts(page)) assert.match(text, /质押/);
  await page.locator('[data-testid=facet-domain-ip]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('domain') === 'ip');
  assert.equal(params(page).province, 'hunan');
  assert.ok(page.url().startsWith('file://'));
  assert.equal(await page.locator('[data-testid=download-data]').count(), 0, 'no link to a data file that is not beside offline.html');
  assert.deepEqual(page.problems, []);
});

test('offline.html is one self-contained file', async () => {
  const html = fs.readFileSync(path.join(DIST, 'offline.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+rel="?(stylesheet|modulepreload|preload)/);
});

// Regression: Trunk named the wasm and its glue after their bytes before post-build changed
// them, so a change to post-build alone shipped new bytes under an old name.
test('the files post-build writes are named after their final bytes', () => {
  const named = fs.readdirSync(DIST).filter((f) => /^(hts-explorer|boot|state)-[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(f));
  assert.equal(named.length, 4, `the wasm, its glue, the boot and state scripts: ${named}`);
  for (const f of named) {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(DIST, f))).digest('hex').slice(0, 16);
    assert.equal(f.match(/-([0-9a-f]{16})/)[1], hash, `${f} is named after its content`);
  }
});

// The code loaded on first use (src/lazy.rs): the other views and the exports.
const MODULES = /^(split|chunk)_\w+-([0-9a-f]{16})\.wasm$/;
const modulesFetched = (page) => {
  const fetched = [];
  page.on('request', (r) => { const f = new URL(r.url()).pathname.split('/').pop(); if (MODULES.test(f)) fetched.push(f); });
  return fetched;
};

test('the other views and the exports are fetched the first time they are needed, not before', async () => {
  const modules = fs.readdirSync(DIST).filter((f) => MODULES.test(f));
  assert.ok(modules.some((f) => f.startsWith('split_views-')) && modules.some((f) => f.startsWith('split_exports-')), `${modules}`);
  for (const f of modules) {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(DIST, f))).digest('hex').slice(0, 16);
    assert.equal(f.match(MODULES)[2], hash, `${f} is named after its content`);
  }
  const page = await site.page();
  const fetched = modulesFetched(page);
  await page.goto(site.base + '?q=%E4%B8%93%E5%88%A9');
  await page.waitForSelector('[data-testid=provision]');
  await page.locator('[data-testid=facet-province-hunan]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === 'hunan');
  assert.deepEqual(fetched, [], 'searching and filtering fetch no other module');
  await page.locator('[data-testid=view-compare]').click();
  await page.waitForSelector('[data-testid=matrix-domain]');
  assert.ok(fetched.some((f) => f.startsWith('split_views-')), `the views' module is fetched for the compare view: ${fetched}`);
  assert.ok(!fetched.some((f) => f.startsWith('split_exports-')), 'not the exports');
  await page.locator('[data-testid=view-targets]').click();
  await page.waitForSelector('[data-testid=target]');
  assert.equal(fetched.filter((f) => f.startsWith('split_views-')).length, 1, 'once');
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=export-csv]').click();
  assert.match((await download).suggestedFilename(), /^hts-targets\.csv$/);
  assert.ok(fetched.some((f) => f.startsWith('split_exports-')), `the exports' module is fetched for the export: ${fetched}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a view whose code cannot be fetched, or arrives altered, says so', async () => {
  for (const [what, handle] of [['unreachable', (route) => route.abort()], ['altered', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ body, contentType: 'application/wasm' });
  }]]) {
    // Requests a service worker answers are not routed: no worker here.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route((url) => MODULES.test(url.pathname.split('/').pop()), handle);
    await page.goto(site.base + '?view=compare&province=jilin');
    const failed = page.locator('[data-testid=view-failed]');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('role'), 'alert', what);
    assert.match(await failed.innerText(), /无法载入/, what);
    assert.equal(await page.locator('[data-testid=matrix-domain]').count(), 0, what);
    // The rest of the page still works.
    await page.locator('[data-testid=view-provisions]').click();
    await page.waitForSelector('[data-testid=provision]');
    await context.close();
  }
});

test('offline.html carries the other views and the exports inside it', async () => {
  const page = await site.page();
  const fetched = modulesFetched(page);
  await page.goto(pathToFileURL(path.join(DIST, 'offline.html')).href + '?view=compare&tool=tax');
  await page.waitForSelector('[data-testid=matrix-tool]');
  await page.locator('[data-testid=view-documents]').click();
  await page.locator('[data-testid=document] a').first().click();
  await page.waitForSelector('[data-testid=reader-provision]');
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=view-targets]').click();
  await page.locator('[data-testid=export-json]').click();
  assert.match((await download).suggestedFilename(), /^hts-targets\.json$/);
  assert.deepEqual(fetched, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('dist/ works unchanged under a sub-path', async () => {
  const page = await subpath.page();
  await page.goto(subpath.base + '?province=jilin');
  await page.waitForSelector('[data-testid=provision]');
  assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['jilin']);
  const data = await page.request.get(new URL('data/policies.json', page.url()).href);
  assert.equal(data.status(), 200);
  // A view loaded on first use finds its module beside the glue, under the sub-path too.
  await page.locator('[data-testid=view-targets]').click();
  await page.waitForSelector('[data-testid=target]');
  assert.deepEqual(page.problems, []);
  const urls = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/(href|src)="?[^"\s>]*/g);
  assert.ok(urls.length >= 4 && urls.every((u) => /^(href|src)="?\.\//.test(u)), `every URL in index.html is relative: ${urls}`);
});

test('after one visit the site works with the network gone', async () => {
  const page = await site.page();
  await page.goto(site.base + '?province=sichuan');
  await page.waitForSelector('[data-testid=provision]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || caches.keys().then((k) => k.length > 0));
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await site.context.setOffline(true);
  try {
    await page.goto(site.base + '?province=shandong&view=provisions');
    await page.waitForSelector('[data-testid=provision]');
    assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['shandong']);
    // The views loaded on first use work offline too: the service worker precached them.
    await page.locator('[data-testid=view-compare]').click();
    await page.waitForSelector('[data-testid=matrix-domain]');
  } finally {
    await site.context.setOffline(false);
  }
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /const CACHE = 'hts-explorer-[0-9a-f]{16}'/, 'the cache is named after the build');
  // The cache holds the app, not the downloadable data set (which the app never reads).
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = await (await caches.open(names[0])).keys();
    return keys.map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith('.wasm')), `the wasm is cached: ${cached}`);
  assert.ok(!cached.some((p) => p.includes('/data/')), `the data set is not precached: ${cached}`);
  assert.ok(!cached.some((p) => p.endsWith('.css')), `the stylesheet, inlined in the page, is not cached again: ${cached}`);
});

test('the hosted page runs under a strict CSP without inline scripts', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(html, /<script(?![^>]*src=)[^>]*>/, 'no inline script');
  // The stylesheet is inlined (the first paint waits for no request), allowed by its hash.
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(styles.length, 1, 'one inline stylesheet');
  assert.ok(csp.includes(`style-src 'self' 'sha256-${crypto.createHash('sha256').update(styles[0]).digest('base64')}'`), 'its hash is in the CSP');
  const page = await site.page();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(site.base + '?view=targets');
  await page.waitForSelector('[data-testid=target]');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '0px', 'the page is styled (main.css: body { margin: 0 })');
});

test('offline.html: copy link says the file:// link opens only on this computer', async () => {
  const page = await site.page();
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const file = pathToFileURL(path.join(DIST, 'offline.html')).href;
  await page.goto(file + '?province=jilin');
  await page.waitForSelector('[data-testid=provision]');
  const button = page.locator('[data-testid=provision]').first().locator('[data-testid=copy-link]');
  // Copied (the button says so) or, without a clipboard, offered in a prompt that says so.
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
  await button.click();
  const said = await Promise.race([dialog, page.waitForFunction((b) => /本地/.test(b.textContent), await button.elementHandle()).then(() => button.innerText())]);
  assert.match(said, /仅本机/);
});

// Regression: a citation copied from offline.html carried the file:// link without a word.
test('offline.html: a copied citation says its link opens only on this computer', async () => {
  const page = await site.page();
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(pathToFileURL(path.join(DIST, 'offline.html')).href + '?province=jilin');
  await page.waitForSelector('[data-testid=provision]');
  const button = page.locator('[data-testid=provision]').first().locator('[data-testid=copy-citation]');
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
  await button.click();
  const said = await Promise.race([dialog, page.waitForFunction((b) => /本地/.test(b.textContent), await button.elementHandle()).then(() => button.innerText())]);
  assert.match(said, /本地文件，仅本机可打开/);
});

