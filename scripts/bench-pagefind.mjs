// The benchmark side by side with Pagefind (issue 15, "Measured side by side"): for each
// built site given, writes a static HTML page per document of its data set
// (DIST/data/policies.json) into a temporary folder, indexes it with the pagefind CLI (npm
// package `pagefind`, exact version in scripts/package.json), serves both sites on
// loopback, and measures ours and Pagefind's default UI in the same headless Chromium run:
//
// - bytes before the first result for 知识产权: every file the page fetched up to the
//   first result painted, each counted at its gzip (level 9) and brotli size, or at its own
//   size when that is smaller (Pagefind's index files are already gzipped);
// - navigation → first content (the first contentful paint), navigation → an interactive
//   search box, and typing 知识产权 → first result painted, over fresh loads (a new browser
//   context each, no HTTP cache, no service worker);
// - keystroke latency, from the input event (its timeStamp) to the paint after the results
//   have changed for it: one key at a time, each waited for, typing and erasing queries.
//
// The same in-page probe measures both: a MutationObserver on the results, and the paint is
// taken as the end of the animation frame after the change (requestAnimationFrame, then a
// user-blocking scheduler task). Prints one table with both columns, then the issue's budgets.
//
//   node scripts/bench-pagefind.mjs LABEL DIST [LABEL DIST …]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGEFIND_VERSION = require('./node_modules/pagefind/package.json').version;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const QUERY = '知识产权';
// Fresh loads for the navigation timings (HTS_BENCH_LOADS=3 for a quick try). Thirty, not
// fifteen: two copies of one build, loaded in turn, differed by up to 8 ms in their median
// first contentful paint over 50 loads each, and the budget is read on that median.
const LOADS = Number(process.env.HTS_BENCH_LOADS ?? 30);
// Typed one key at a time and erased again: 62 keystrokes in all (at least 60 are asked for).
const WORDS = ['服务业', '知识产权质押', '孵化器', '20%', '检验检测', 'mbps', '人才培养', '融资担保'];
const KEY_TIMEOUT = 3000; // a keystroke whose results never change (same results) is dropped after this

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(1));
const kb = (n) => (n / 1000).toFixed(1);

// --- The Pagefind site: one readable page per document, its outline as headings (with ids,
// so Pagefind can point into them), every provision a paragraph with its anchor.
export function writePagefindSite(dist, dir) {
  const data = JSON.parse(fs.readFileSync(path.join(dist, 'data/policies.json'), 'utf8'));
  fs.mkdirSync(path.join(dir, 'doc'), { recursive: true });
  const byDoc = new Map();
  for (const p of data.provisions) {
    if (!byDoc.has(p.doc)) byDoc.set(p.doc, []);
    byDoc.get(p.doc).push(p);
  }
  for (const d of data.documents) {
    const title = d.title ?? `${d.issuer ?? d.province} · ${d.doc_number ?? d.date ?? d.id}`;
    const headings = new Map();
    for (const h of d.outline ?? []) {
      if (!headings.has(h.first_provision)) headings.set(h.first_provision, []);
      headings.get(h.first_provision).push(h);
    }
    const body = [];
    for (const p of (byDoc.get(d.id) ?? []).sort((a, b) => a.position - b.position)) {
      for (const h of headings.get(p.position) ?? []) {
        const tag = `h${Math.min(6, h.level + 1)}`;
        body.push(`<${tag} id="${esc(h.id)}">${esc(h.text)}</${tag}>`);
      }
      body.push(`<p id="${esc(p.id)}">${esc(p.text)}</p>`);
    }
    const meta = [d.issuer, d.date, d.doc_number].filter(Boolean).map(esc).join(' · ');
    fs.writeFileSync(path.join(dir, 'doc', `${d.id}.html`), `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>
<body>
<main data-pagefind-body>
<h1>${esc(title)}</h1>
<p>${meta}</p>
${body.join('\n')}
</main>
<p><a href="../index.html">检索 · Search</a></p>
</body>
</html>
`);
  }
  // The search page, as Pagefind's documentation sets up its default UI.
  fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>高技术服务业政策 · Pagefind</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script>
</head>
<body>
<h1>高技术服务业政策 · Pagefind</h1>
<div id="search"></div>
<script>
// Default options; the benchmark's second run sets ?debounce=0 (the default UI waits 300 ms
// after a keystroke before it searches).
const q = new URLSearchParams(location.search);
window.addEventListener('DOMContentLoaded', () => {
  new PagefindUI({ element: '#search', ...(q.has('debounce') ? { debounceTimeoutMs: Number(q.get('debounce')) } : {}) });
});
</script>
</body>
</html>
`);
  execFileSync(path.join(HERE, 'node_modules/.bin/pagefind'), ['--site', dir, '--quiet'], { stdio: 'inherit' });
  return data.documents.length;
}

// --- What "the search box", "a result" and "the results changed" are on each page.
export const SITES = {
  ours: {
    kind: 'ours',
    input: '[data-testid=search]',
    result: '[data-testid=provision]',
    region: '.results',
    // Ours renders its results on start: the box is interactive once the app has rendered.
    interactiveMark: 'hts:results-updated',
  },
  pagefind: {
    kind: 'pagefind',
    input: '.pagefind-ui__search-input',
    // A result with its title filled in (Pagefind first draws placeholders, then loads each
    // result's fragment).
    result: '.pagefind-ui__result-link',
    // The drawer holds the message and the results (the clear button beside the box is not
    // a result).
    region: '.pagefind-ui__drawer',
    interactiveMark: null,
  },
};

// Installed before any page script: records when the search box first exists, every input
// event on it, and each paint after the results region changed to results up to date. `window.__probe.painted(
// withResult, since)` resolves with the first paint after a change made since `since` (after
// which a result was on the page, if `withResult`).
function probeScript({ kind, input, region, result }) {
  const probe = { inputAt: null, inputs: [], changes: [] };
  window.__probe = probe;
  let queue = [];
  const flush = () => {
    const t = performance.now();
    for (const f of queue) f(t);
    queue = [];
  };
  // The frame after a change: its animation-frame callbacks, style, layout and paint, then a
  // user-blocking task, which runs before any task the page queued meanwhile (a page that
  // renders more in a timer task after the frame would otherwise be charged for it).
  const afterPaint = (f) => {
    queue.push(f);
    if (queue.length === 1) requestAnimationFrame(() => scheduler.postTask(flush, { priority: 'user-blocking' }));
  };
  // Whether the results shown are those of the query in the box: ours updates them in the
  // input handler; Pagefind first shows "searching…", then placeholders, then loads each
  // result's title and excerpt: its results are up to date once the first result (or the
  // message that there is none) is there, or once they are cleared for an empty box.
  const upToDate = kind !== 'pagefind' ? () => true : () => {
    const drawer = document.querySelector(region);
    if (!drawer || drawer.closest('.pagefind-ui__hidden') || document.querySelector(input)?.value === '') return true;
    if (drawer.querySelector(result)) return true;
    const message = drawer.querySelector('.pagefind-ui__message')?.textContent.trim() ?? '';
    return !drawer.querySelector('.pagefind-ui__result') && message !== '' && !/(\.\.\.|…)$/.test(message);
  };
  const inRegion = (n) => n && (n.nodeType === 1 ? n : n.parentElement)?.closest(region);
  const holdsRegion = (n) => n.nodeType === 1 && (n.matches(region) || n.querySelector(region));
  const observer = new MutationObserver((records) => {
    if (probe.inputAt === null && document.querySelector(input)) probe.inputAt = performance.now();
    if (!records.some((r) => inRegion(r.target) || [...r.addedNodes, ...r.removedNodes].some(holdsRegion))) return;
    if (!upToDate()) return;
    const change = { changedAt: performance.now(), paintedAt: null, hasResult: !!document.querySelector(result) };
    probe.changes.push(change);
    afterPaint((t) => { change.paintedAt = t; });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('input', (e) => {
    if (e.target instanceof Element && e.target.matches(input)) probe.inputs.push(e.timeStamp);
  }, true);
  probe.painted = (withResult, since) => new Promise((resolve) => {
    const check = () => {
      const hit = probe.changes.find((c) => c.changedAt >= since && (!withResult || c.hasResult));
      if (hit && hit.paintedAt === null) return setTimeout(check, 2);
      if (hit) return resolve(hit.paintedAt);
      setTimeout(check, 2);
    };
    check();
  });
  // Resolves once the results region has not changed for `quiet` ms (at most `max` ms).
  probe.settled = (quiet, max) => new Promise((resolve) => {
    const start = performance.now();
    const check = () => {
      const last = probe.changes.length ? probe.changes[probe.changes.length - 1].changedAt : 0;
      const now = performance.now();
      if (now - last >= quiet || now - start >= max) return resolve();
      setTimeout(check, 5);
    };
    check();
  });
}

// Bytes of a file fetched, at min(own size, compressed size).
function sizesOf(body) {
  return {
    raw: body.length,
    gzip: Math.min(body.length, zlib.gzipSync(body, { level: 9 }).length),
    br: Math.min(body.length, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

async function newPage(browser, site) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(probeScript, { kind: site.kind, input: site.input, region: site.region, result: site.result });
  const page = await ctx.newPage();
  return { ctx, page };
}

// The search box is interactive: it exists, and (ours) the app has rendered.
async function interactiveAt(page, site) {
  await page.waitForFunction(({ input, mark }) => window.__probe.inputAt !== null && document.querySelector(input)
    && (!mark || performance.getEntriesByName(mark).length > 0), { input: site.input, mark: site.interactiveMark }, { polling: 'raf' });
  return page.evaluate(({ mark }) => Math.max(window.__probe.inputAt, mark ? performance.getEntriesByName(mark)[0].startTime : 0), { mark: site.interactiveMark });
}

/** Types QUERY in one input event (as an input method commits it) and returns the time from
 * that event to the first result painted, and that paint's wall-clock time. */
async function typeQuery(page, site) {
  const before = await page.evaluate(() => window.__probe.inputs.length);
  await page.focus(site.input);
  await page.keyboard.insertText(QUERY);
  await page.waitForFunction((n) => window.__probe.inputs.length > n, before);
  return page.evaluate(async (n) => {
    const t = window.__probe.inputs[n];
    const painted = await window.__probe.painted(true, t);
    return { dt: painted - t, wall: performance.timeOrigin + painted };
  }, before);
}

export async function measureSite(browser, base, site, { query = '', bytes = true } = {}) {
  const at = (extra) => base + '?' + [query, extra].filter(Boolean).join('&');
  const out = {};
  // 1. Bytes before the first result for QUERY.
  if (bytes) {
    const { ctx, page } = await newPage(browser, site);
    // Every file requested before the first result was painted, once each.
    const started = new Map();
    const bodies = new Map();
    page.on('request', (r) => { if (!r.url().startsWith('data:') && !started.has(r.url())) started.set(r.url(), Date.now()); });
    page.on('requestfinished', async (r) => {
      try { bodies.set(r.url(), await (await r.response()).body()); } catch { /* aborted */ }
    });
    await page.goto(at());
    await interactiveAt(page, site);
    const { wall } = await typeQuery(page, site);
    const counted = [...started].filter(([, t]) => t <= wall).map(([url]) => url);
    for (let i = 0; i < 500 && counted.some((u) => !bodies.has(u)); i++) await page.waitForTimeout(10);
    const total = { raw: 0, gzip: 0, br: 0, files: [] };
    for (const url of counted) {
      const s = sizesOf(bodies.get(url) ?? Buffer.alloc(0));
      for (const k of ['raw', 'gzip', 'br']) total[k] += s[k];
      total.files.push({ name: decodeURIComponent(new URL(url).pathname.replace(/^.*\//, '')) || 'index.html', ...s });
    }
    out.bytes = total;
    await ctx.close();
  }
  // 2. Navigation timings over fresh loads (a new context each: nothing cached), and typing
  // → first result on each. The address has no query of its own: a first visit (ours shows
  // a placeholder instead of the prerendered results for a link with a query or fragment).
  const fcp = [], interactive = [], typing = [];
  for (let i = 0; i < LOADS; i++) {
    const { ctx, page } = await newPage(browser, site);
    await page.goto(at());
    interactive.push(await interactiveAt(page, site));
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
    typing.push((await typeQuery(page, site)).dt);
    await ctx.close();
  }
  Object.assign(out, { fcp, interactive, typing });
  // 3. Keystrokes, one at a time, each waited for until its results are painted.
  {
    const { ctx, page } = await newPage(browser, site);
    await page.goto(at());
    await interactiveAt(page, site);
    await page.focus(site.input);
    const key = async (k) => {
      const before = await page.evaluate(() => window.__probe.inputs.length);
      if (k === 'Backspace') await page.keyboard.press(k); else await page.keyboard.type(k);
      await page.waitForFunction((n) => window.__probe.inputs.length > n, before);
      const dt = await page.evaluate(async ({ n, timeout }) => {
        const t = window.__probe.inputs[n];
        return Promise.race([window.__probe.painted(false, t).then((p) => p - t), new Promise((r) => setTimeout(() => r(null), timeout))]);
      }, { n: before, timeout: KEY_TIMEOUT });
      // Let trailing frames (the rest of a page of results) settle before the next key.
      await page.evaluate(() => window.__probe.settled(60, 1000));
      return dt;
    };
    // Warm-up (the engines compile hot code and load their indexes on first use).
    for (const ch of '数字内容服务') await key(ch);
    for (let i = 0; i < 6; i++) await key('Backspace');
    await page.evaluate(() => performance.clearMarks());
    const keys = [];
    const dropped = [];
    for (const word of WORDS) {
      const chars = [...word];
      for (let i = 0; i < chars.length; i++) {
        const dt = await key(chars[i]);
        if (dt === null) dropped.push(chars.slice(0, i + 1).join('')); else keys.push(dt);
      }
      for (let i = chars.length - 1; i >= 0; i--) {
        const dt = await key('Backspace');
        if (dt === null) dropped.push(`${chars.slice(0, i).join('')}⌫`); else keys.push(dt);
      }
    }
    out.keys = keys;
    out.dropped = dropped;
    // Ours also marks its own input handler and first screen laid out (hts:input →
    // hts:results-updated, the figure the README quotes): no paint, no event dispatch.
    if (site.interactiveMark) {
      out.marks = await page.evaluate(() => {
        const inputs = performance.getEntriesByName('hts:input').map((e) => e.startTime);
        const updates = performance.getEntriesByName('hts:results-updated').map((e) => e.startTime);
        return inputs.map((t) => { const u = updates.find((x) => x >= t); return u === undefined ? null : u - t; }).filter((x) => x !== null);
      });
    }
    await ctx.close();
  }
  return out;
}

async function main(args) {
  const results = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  for (let i = 0; i < args.length; i += 2) {
    const [label, dist] = [args[i], args[i + 1]];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-pagefind-'));
    const docs = writePagefindSite(dist, dir);
    const ours = await serve(dist);
    const theirs = await serve(dir);
    const url = (s) => `http://127.0.0.1:${s.address().port}/`;
    // Alternate the two, so neither gets a warmer machine.
    const t0 = Date.now();
    const o = await measureSite(browser, url(ours), SITES.ours);
    console.error(`ours measured in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const p = await measureSite(browser, url(theirs), SITES.pagefind);
    console.error(`Pagefind measured in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const p0 = await measureSite(browser, url(theirs), SITES.pagefind, { query: 'debounce=0', bytes: false });
    console.error(`Pagefind without debounce measured in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    results.push({ label, dist, docs, ours: o, pagefind: p, pagefind0: p0 });
    ours.close();
    theirs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await browser.close();

  // --- The side-by-side table.
  const med = (xs) => quantile(xs, 0.5);
  const p95 = (xs) => quantile(xs, 0.95);
  for (const r of results) {
    const { ours: o, pagefind: p } = r;
    console.log(`\n## Side by side with Pagefind ${PAGEFIND_VERSION} (default UI): ${r.label}, ${r.docs} documents (${r.dist})\n`);
    console.log('| figure | ours | Pagefind | ours / Pagefind |\n|---|---:|---:|---:|');
    const bytesRow = (name, k) => console.log(`| ${name} | ${kb(o.bytes[k])} | ${kb(p.bytes[k])} | **${(o.bytes[k] / p.bytes[k]).toFixed(2)}** |`);
    bytesRow(`bytes before the first result for ${QUERY}, gzip kB`, 'gzip');
    bytesRow(`bytes before the first result for ${QUERY}, brotli kB`, 'br');
    bytesRow('(the same, uncompressed kB)', 'raw');
    console.log(`| files fetched before the first result | ${o.bytes.files.length} | ${p.bytes.files.length} | |`);
    const timeRow = (name, a, b) => console.log(`| ${name}, median / p95 ms | ${ms(med(a))} / ${ms(p95(a))} | ${ms(med(b))} / ${ms(p95(b))} | |`);
    timeRow(`navigation → first content (first contentful paint, ${LOADS} fresh loads)`, o.fcp, p.fcp);
    timeRow('navigation → interactive search box', o.interactive, p.interactive);
    timeRow(`typing ${QUERY} → first result painted (fresh load)`, o.typing, p.typing);
    timeRow(`keystroke → updated results painted (${o.keys.length} / ${p.keys.length} keystrokes)`, o.keys, p.keys);
    if (o.marks) console.log(`| (ours, from its own marks: input handler → first screen laid out, ${o.marks.length} keystrokes), median / p95 ms | ${ms(med(o.marks))} / ${ms(p95(o.marks))} | | |`);
    const p0 = r.pagefind0;
    timeRow(`the same two, Pagefind's UI with debounceTimeoutMs: 0 — typing ${QUERY} → first result`, o.typing, p0.typing);
    timeRow(`— keystroke → updated results painted (${o.keys.length} / ${p0.keys.length} keystrokes)`, o.keys, p0.keys);
    const list = (d) => (d.length ? `${d.length} (${d.join(' ')})` : 'none');
  if (o.dropped.length || p.dropped.length || p0.dropped.length) {
    console.log(`\nKeystrokes that changed no result within ${KEY_TIMEOUT} ms, left out (the query after the key): ours ${list(o.dropped)}; Pagefind ${list(p.dropped)}; Pagefind without debounce ${list(p0.dropped)}`);
  }
    console.log('\n| file fetched before the first result | ours gzip kB | brotli kB |  | Pagefind file | gzip kB | brotli kB |\n|---|---:|---:|---|---|---:|---:|');
    for (let i = 0; i < Math.max(o.bytes.files.length, p.bytes.files.length); i++) {
      const a = o.bytes.files[i], b = p.bytes.files[i];
      console.log(`| ${a ? `${a.name} | ${kb(a.gzip)} | ${kb(a.br)}` : ' | | '} | | ${b ? `${b.name} | ${kb(b.gzip)} | ${kb(b.br)}` : ' | | '} |`);
    }
  }

  // --- The issue's budgets, printed (never asserted).
  const gzipOf = (dist, pattern) => fs.readdirSync(dist).filter((f) => pattern.test(f))
    .reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  // The main wasm and its glue (the split loader inside); the modules loaded on first use
  // (src/lazy.rs) are printed beside it, not counted in it.
  const wasmGlue = (dist) => gzipOf(dist, /^hts-explorer-[0-9a-f]+(_bg\.wasm|\.js)$/);
  const onFirstUse = (dist) => gzipOf(dist, /^(split|chunk)_\w+-[0-9a-f]+\.wasm$/);
  const met = (ok) => (ok ? 'met' : '**not met**');
  console.log('\n## Budgets of issue 15 (printed, not asserted)\n');
  console.log('| budget | ' + results.map((r) => r.label).join(' | ') + ' |\n|---|' + results.map(() => '---|').join(''));
  const row = (name, f) => console.log(`| ${name} | ${results.map(f).join(' | ')} |`);
  row('wasm + glue ≤ 150 kB gzip', (r) => { const n = wasmGlue(r.dist); return `${kb(n)} kB: ${met(n <= 150_000)}`; });
  row('— and loaded on first use of the other views or the exports', (r) => `${kb(onFirstUse(r.dist))} kB (for information)`);
  row('navigation → first content ≤ 100 ms (median)', (r) => `${ms(med(r.ours.fcp))} ms: ${met(med(r.ours.fcp) <= 100)}`);
  row('navigation → interactive search ≤ 250 ms (median)', (r) => `${ms(med(r.ours.interactive))} ms: ${met(med(r.ours.interactive) <= 250)}`);
  row('keystroke → results painted, p95 ≤ 16 ms', (r) => `${ms(p95(r.ours.keys))} ms: ${met(p95(r.ours.keys) <= 16)}`);
  row(`bytes before the first result for ${QUERY} ≤ 0.75 × Pagefind's (gzip; brotli)`, (r) => {
    const g = r.ours.bytes.gzip / r.pagefind.bytes.gzip, b = r.ours.bytes.br / r.pagefind.bytes.br;
    return `${g.toFixed(2)}; ${b.toFixed(2)}: ${met(g <= 0.75 && b <= 0.75)}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
