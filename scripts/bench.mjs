// The benchmark's browser half: for each built site given, prints the bytes of every
// file of the first load (raw, gzip, brotli), the same for offline.html, the time from
// navigation to the first rendered results, and the time from a keystroke in the search
// box to updated results, from the page's own performance marks (hts:input,
// hts:results-updated), in headless Chromium, after a short warm-up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { serve } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The budgets in KB, read strictly as 1,000 bytes (the figures are printed in kB).
const BUDGET = { firstLoadGzip: 250_000, offlineGzip: 400_000, keystrokeP95: 16, firstResults: 300 };

const kb = (n) => (n / 1000).toFixed(1);
const sizes = (buf) => ({ raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, br: zlib.brotliCompressSync(buf).length });
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');

// The service worker and everything it precaches are fetched on the first visit too.
function precached(dist) {
  const worker = path.join(dist, 'sw.js');
  if (!fs.existsSync(worker)) return [];
  const files = JSON.parse(fs.readFileSync(worker, 'utf8').match(/const FILES = (\[.*\]);/)[1]);
  return ['sw.js', ...files.map((f) => f.replace(/^\.\//, '') || 'index.html')];
}

// Sizes only, one row a site: for corpora measured without a browser.
function sizesRow(label, dist) {
  const gzip = (f) => sizes(fs.readFileSync(path.join(dist, f))).gzip;
  const first = [...new Set(precached(dist))].reduce((sum, f) => sum + gzip(f), 0);
  const off = gzip('offline.html');
  console.log(`| ${label} | ${kb(first)} (${verdict(first <= BUDGET.firstLoadGzip)}) | ${kb(off)} (${verdict(off <= BUDGET.offlineGzip)}) |`);
}

async function measure(label, dist) {
  const server = await serve(dist);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, });
  const page = await ctx.newPage();
  const loaded = new Set();
  page.on('requestfinished', (r) => loaded.add(new URL(r.url()).pathname.replace(/^\//, '') || 'index.html'));
  await page.goto(base);
  await page.waitForSelector('[data-testid=provision]');

  console.log(`\n## ${label} (${dist})\n`);
  console.log('| first-load file | raw kB | gzip kB | brotli kB |\n|---|---:|---:|---:|');
  const total = { raw: 0, gzip: 0, br: 0 };
  for (const f of precached(dist)) loaded.add(f);
  for (const f of [...loaded].sort()) {
    const s = sizes(fs.readFileSync(path.join(dist, f)));
    for (const k of Object.keys(total)) total[k] += s[k];
    console.log(`| ${f} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.br)} |`);
  }
  console.log(`| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.br)}** |`);
  const off = sizes(fs.readFileSync(path.join(dist, 'offline.html')));
  console.log(`| offline.html | ${kb(off.raw)} | ${kb(off.gzip)} | ${kb(off.br)} |\n`);

  // Navigation to first results, over fresh loads.
  // Where the start goes: the wasm's `main` running (download, compile, instantiate),
  // the corpus unpacked and indexed, the page written.
  const firsts = [], mains = [], corpora = [];
  for (let i = 0; i < 15; i++) {
    // A first visit's address (a query would show the placeholder, not the prerendered page).
    await page.goto('about:blank');
    await page.goto(base);
    await page.waitForFunction(() => performance.getEntriesByName('hts:results-updated').length > 0);
    const [main, corpus, first] = await page.evaluate(() => ['hts:main', 'hts:corpus', 'hts:results-updated'].map((m) => performance.getEntriesByName(m)[0].startTime));
    mains.push(main);
    corpora.push(corpus - main);
    firsts.push(first);
  }
  // Keystrokes: type and erase queries, one character at a time.
  await page.goto(base);
  await page.waitForSelector('[data-testid=provision]');
  const box = page.locator('[data-testid=search]');
  await box.focus();
  // Warm-up (the engine compiles hot wasm functions on first use), then measure.
  for (const ch of '数字内容服务') { await page.keyboard.type(ch); await page.waitForTimeout(15); }
  for (let i = 0; i < 6; i++) { await page.keyboard.press('Backspace'); await page.waitForTimeout(15); }
  await page.evaluate(() => performance.clearMarks());
  for (const word of ['服务业', '知识产权质押', '孵化器', '20%', '检验检测', 'mbps', '人才培养', '融资担保']) {
    for (const ch of word) { await page.keyboard.type(ch); await page.waitForTimeout(15); }
    for (let i = 0; i < [...word].length; i++) { await page.keyboard.press('Backspace'); await page.waitForTimeout(15); }
  }
  const after = (mark) => page.evaluate((m) => {
    const inputs = performance.getEntriesByName('hts:input').map((e) => e.startTime);
    const updates = performance.getEntriesByName(m).map((e) => e.startTime);
    return inputs.map((t) => { const u = updates.find((x) => x >= t); return u === undefined ? null : u - t; }).filter((x) => x !== null);
  }, mark);
  const keys = await after('hts:results-updated');
  const whole = await after('hts:results-complete');
  const row = (name, xs, budget) => console.log(`| ${name} | ${xs.length} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.95).toFixed(1)} | ${budget} |`);
  console.log('| timing (ms) | samples | median | p95 | budget |\n|---|---:|---:|---:|---|');
  row('navigation → first results', firsts, `< ${BUDGET.firstResults} ms: ${verdict(quantile(firsts, 0.95) < BUDGET.firstResults)}`);
  row('— of which navigation → the wasm\'s main starts', mains, 'for information');
  row('— of which unpacking and indexing the corpus', corpora, 'for information');
  row('keystroke → updated results (first screen)', keys, `p95 < ${BUDGET.keystrokeP95} ms: ${verdict(quantile(keys, 0.95) < BUDGET.keystrokeP95)}`);
  row('keystroke → whole page of results (next frame)', whole, 'for information');
  console.log(`\nfirst load ${kb(total.gzip)} kB gzip (budget ${kb(BUDGET.firstLoadGzip)} kB): ${verdict(total.gzip <= BUDGET.firstLoadGzip)}; offline.html ${kb(off.gzip)} kB gzip (budget ${kb(BUDGET.offlineGzip)} kB): ${verdict(off.gzip <= BUDGET.offlineGzip)}`);
  await ctx.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// `bench.mjs LABEL DIST …` measures each site in the browser; `bench.mjs --sizes LABEL
// DIST …` prints only the download sizes.
const args = process.argv.slice(2);
if (args[0] === '--sizes') {
  console.log('\n| corpus | first load, gzip kB (≤ 250) | offline.html, gzip kB (≤ 400) |\n|---|---:|---:|');
  for (let i = 1; i < args.length; i += 2) sizesRow(args[i], args[i + 1]);
} else {
  for (let i = 0; i < args.length; i += 2) await measure(args[i], args[i + 1]);
}
