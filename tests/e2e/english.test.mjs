// The English edition (issue 14): loaded only when English is chosen, the provisions,
// headings and titles in English, labelled as an unofficial translation, the Chinese
// original one click away (beside it in the reader on wide screens); offline.html carries
// it; the service worker caches it on first use. And provenance (issue 11): reviewed tags
// say so, in English too.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, open, settled, cards, cardCount, DIST, screenshot, copied, settledTop } from './helpers.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

/** The share of letters that are ASCII: English text is nearly all ASCII, Chinese none. */
const asciiShare = (s) => {
  const letters = [...s].filter((c) => /\p{L}/u.test(c));
  return letters.filter((c) => /[A-Za-z]/.test(c)).length / Math.max(1, letters.length);
};
const CJK = /[\u4e00-\u9fff]/;
const EN_FILE = /\/data\/policies\.en\.json$/;

async function openEnglish(page, query) {
  await open(page, site.base, query);
  await page.waitForSelector('[data-testid=unofficial-translation]');
}

describe('English edition', () => {
  test('the Chinese first load does not fetch the English', async () => {
    const page = await site.page();
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await open(page, site.base, '?tool=tax');
    assert.ok(await cards(page).count() > 0);
    assert.equal(requested.filter((u) => EN_FILE.test(new URL(u).pathname)).length, 0, requested.join('\n'));
    assert.equal(await page.locator('[data-testid=unofficial-translation]').count(), 0);
    assert.match(await cards(page).first().locator('.text').innerText(), CJK);
  });

  test('with lang=en the first cards read in English, labelled once, the original one click away', async () => {
    const page = await site.page({ width: 1366, height: 900 });
    await openEnglish(page, '?lang=en&tool=tax');
    assert.equal(await page.locator('[data-testid=unofficial-translation]').count(), 1);
    assert.match(await page.locator('[data-testid=unofficial-translation]').innerText(), /Unofficial translation/);
    const first = cards(page).first();
    for (const card of (await cards(page).all()).slice(0, 3)) {
      const text = await card.locator('.text[lang=en]').innerText();
      assert.ok(text.length > 40 && asciiShare(text) > 0.95, text);
      assert.ok(asciiShare(await card.locator('.path').innerText()) > 0.95);
      assert.ok(asciiShare(await card.locator('.doc-link').innerText()) > 0.95);
    }
    // The Chinese original: hidden, one click away, marked as Chinese.
    const original = first.locator('[data-testid=original]');
    const zh = original.locator('.text[lang=zh-CN]');
    assert.equal(await zh.isVisible(), false);
    await original.locator('summary').click();
    assert.equal(await zh.isVisible(), true);
    assert.match(await zh.innerText(), CJK);
    assert.ok(asciiShare(await zh.innerText()) < 0.1);
    // Guangdong's document has a title: in English, with the Chinese path headings translated.
    await openEnglish(page, '?lang=en&province=guangdong&q=同网同价');
    assert.match(await cards(page).first().locator('.doc-link').innerText(), /^Circular of the General Office/);
    assert.match(await cards(page).first().locator('.path').innerText(), /^III\. .* › \(4\) /);
    await screenshot(page, 'english-desktop-results');
    assert.deepEqual(page.problems, []);
  });

  test('reviewed tags say so in English, with no empty tooltip', async () => {
    const page = await site.page();
    await openEnglish(page, '?lang=en&province=guangdong&q=同网同价');
    const tags = cards(page).first().locator('.tag');
    assert.ok(await tags.count() > 0);
    for (const tag of await tags.all()) {
      assert.equal(await tag.getAttribute('data-coded-by'), 'review');
      assert.match(await tag.getAttribute('data-reason'), /^reviewed coding/);
    }
    await tags.first().focus();
    const tip = await tags.first().evaluate((e) => getComputedStyle(e, '::after').content);
    assert.match(tip, /reviewed coding/);
  });

  test('while the English loads the Chinese shows with a note, then the English replaces it', async () => {
    // A browser of its own without the service worker, so the request is the page's own
    // and can be held.
    const fresh = await start();
    try {
      const page = await fresh.page();
      await page.addInitScript(() => delete Navigator.prototype.serviceWorker);
      let release;
      const held = new Promise((r) => { release = r; });
      await fresh.context.route(EN_FILE, async (route) => { await held; await route.continue(); });
      await open(page, fresh.base, '?tool=tax');
      await page.locator('[data-testid=lang-switch]').click();
      await page.waitForSelector('[data-testid=en-loading]');
      assert.match(await cards(page).first().locator('.text').innerText(), CJK, 'never an empty space');
      release();
      await page.waitForSelector('[data-testid=unofficial-translation]');
      assert.equal(await page.locator('[data-testid=en-loading]').count(), 0);
      assert.ok(asciiShare(await cards(page).first().locator('.text[lang=en]').innerText()) > 0.95);
      assert.deepEqual(page.problems, []);
    } finally {
      await fresh.close();
    }
  });

  test('the reader shows English headings and provisions, the Chinese beside them on wide screens', async () => {
    const page = await site.page({ width: 1366, height: 900 });
    await openEnglish(page, '?lang=en&view=documents&doc=hunan-hts');
    assert.equal(await page.locator('[data-testid=unofficial-translation]').count(), 1);
    const firstHeading = page.locator('[data-testid=reader-heading]').first();
    assert.match(await firstHeading.locator('.en').innerText(), /^I\. [A-Z]/);
    assert.match(await page.locator('.toc li').first().innerText(), /^I\. [A-Z]/);
    const provision = page.locator('[data-testid=reader-provision]').first();
    const en = provision.locator('.en[lang=en]');
    const zh = provision.locator('.zh[lang=zh-CN]');
    assert.ok(asciiShare(await en.innerText()) > 0.95);
    assert.match(await zh.innerText(), CJK);
    const [a, b] = [await en.boundingBox(), await zh.boundingBox()];
    assert.ok(b.x >= a.x + a.width && Math.abs(a.y - b.y) < 4, `side by side: ${JSON.stringify([a, b])}`);
    assert.equal(await page.locator('[data-testid=show-original]').isVisible(), false);
    assert.equal(await page.locator('[data-testid=reader-provision]').count(), 26);
    // The issuing authority in English, with the name the source gives beside it.
    const issuer = page.locator('dd[data-field=issuer]');
    assert.equal(await issuer.locator('[lang=en]').innerText(), "General Office of the Hunan Provincial People's Government");
    assert.equal(await issuer.locator('[lang=zh-CN]').innerText(), '湖南省人民政府办公厅');
    await screenshot(page, 'english-desktop-reader');
    assert.deepEqual(page.problems, []);
  });

  test('on a narrow screen the reader shows the English, the Chinese one click away', async () => {
    const page = await site.page({ width: 360, height: 780 });
    await openEnglish(page, '?lang=en&view=documents&doc=guangdong-hts');
    const provision = page.locator('[data-testid=reader-provision]').first();
    assert.equal(await provision.locator('.zh').isVisible(), false);
    const title = await page.locator('[data-testid=reader] h2').innerText();
    assert.ok(asciiShare(title) > 0.95, title);
    await page.locator('[data-testid=show-original]').click();
    await provision.locator('.zh').waitFor({ state: 'visible' });
    assert.match(await page.locator('[data-testid=reader] .original-title').innerText(), /^广东省人民政府办公厅/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `overflows by ${overflow}px`);
    await openEnglish(page, '?lang=en&tool=tax');
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow2 <= 0, `results overflow by ${overflow2}px`);
    await screenshot(page, 'english-phone-results');
    // The list of documents: a source file's long name wraps.
    await openEnglish(page, '?lang=en&view=documents');
    const overflow3 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow3 <= 0, `the documents list overflows by ${overflow3}px`);
    await screenshot(page, 'english-phone-documents');
    assert.deepEqual(page.problems, []);
  });

  // Regression: in English, a paragraph link landed 600 px below its paragraph (those
  // above it laid out only once on screen) or, for a provision taller than the window,
  // with its beginning above the top (it was centred).
  for (const [name, width, height] of [['desktop', 1366, 900], ['phone', 360, 740]]) {
    test(`a paragraph link opens at its paragraph, in English, on a ${name}`, async () => {
      const page = await site.page({ width, height });
      for (const [query, id] of [['?view=documents&doc=hunan-hts&lang=en', 'hunan-hts-3-3'], ['?view=documents&doc=jilin-hts&lang=en', 'jilin-hts-4-1'], ['?lang=en', 'jilin-hts-4-1']]) {
        await openEnglish(page, `${query}#${id}`);
        const top = await settledTop(page, id);
        assert.ok(top >= 0 && top <= height / 2, `${query}#${id}: the paragraph's top is at ${top}px of a ${height}px window`);
        assert.equal(await page.locator(`[id="${id}"]`).getAttribute('class').then((c) => /highlighted/.test(c)), true);
      }
    });
  }

  test('offline.html carries the English and shows it from file://', async () => {
    const html = fs.readFileSync(path.join(DIST, 'offline.html'), 'utf8');
    const inline = html.match(/<script type="application\/json" id="hts-en">([\s\S]*?)<\/script>/);
    assert.ok(inline, 'the English is inlined');
    assert.equal(JSON.parse(inline[1]).lang, 'en');
    const page = await site.page();
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(pathToFileURL(path.join(DIST, 'offline.html')).href + '?lang=en&tool=tax');
    await page.waitForSelector('[data-testid=unofficial-translation]');
    assert.ok(asciiShare(await cards(page).first().locator('.text[lang=en]').innerText()) > 0.95);
    assert.ok(!requested.some((u) => /policies\.en\.json/.test(u)), 'nothing fetched');
    assert.deepEqual(page.problems, []);
  });

  test('the service worker caches the English on first use, not before', async () => {
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    const precached = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
    assert.ok(!precached.some((f) => f.includes('policies.en.json')), 'not precached');
    const page = await site.page();
    await open(page, site.base, '?tool=tax');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('[data-testid=lang-switch]').click();
    await page.waitForSelector('[data-testid=unofficial-translation]');
    const cached = await page.evaluate(async () => {
      const paths = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
      return paths;
    });
    assert.ok(cached.some((p) => p.endsWith('/data/policies.en.json')), cached.join(' '));
  });
});

describe('English targets table', () => {
  test('indicators read in English with the Chinese beneath, and a plan\'s list size is labelled as one', async () => {
    const page = await site.page();
    await open(page, site.base, '?view=targets&province=jilin&lang=en');
    const row = page.locator('[data-testid=target]').filter({ has: page.locator('[data-testid=target-indicator]', { hasText: 'rural areas' }) }).first();
    await row.waitFor();
    const indicator = await row.locator('[data-testid=target-indicator]').innerText();
    assert.match(indicator, /Basic Internet bandwidth capacity in rural areas/);
    assert.match(indicator, /农村互联网带宽基本能力/);
    assert.equal(await row.locator('[data-testid=target-value]').innerText(), '4');
    // Regression: the source sentence stood only in Chinese under an English heading.
    const source = row.locator('[data-testid=target-source]');
    assert.equal(await source.getAttribute('lang'), 'en');
    assert.ok(asciiShare(await source.innerText()) > 0.95, await source.innerText());
    // Every unit and source heading reads in English or is marked Chinese (regression:
    // 家, 个, 亿元 and the headings stood unmarked under lang="en").
    await open(page, site.base, '?view=targets&lang=en');
    await page.waitForFunction(() => document.querySelector('[data-testid=target-unit] [lang=en]'));
    const unmarked = await page.evaluate(() => [...document.querySelectorAll('[data-testid=target-unit], .target-source .target-heading')]
      .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3 && /[\u4e00-\u9fff]/.test(n.textContent) && n.parentElement.closest('[lang]').lang !== 'zh-CN').map((n) => n.textContent)));
    assert.deepEqual(unmarked, []);
    const units = await page.locator('[data-testid=target-unit] [lang=en]').allInnerTexts();
    assert.ok(units.includes('count') && units.includes('100 million yuan'), units.join(' | '));
    await open(page, site.base, '?view=targets&province=jilin&lang=en');
    const programmes = page.locator('[data-testid=target-programme]');
    assert.equal(await programmes.count(), 2);
    assert.match(await programmes.first().innerText(), /not a result/);
  });
});

describe('English search, citations and exports', () => {
  test('a word only the translation has finds provisions, marked in the English text', async () => {
    const page = await site.page();
    await openEnglish(page, '?lang=en&q=logistics');
    assert.ok(await cards(page).count() > 0, 'provisions found through the translation');
    const marks = await page.locator('[data-testid=provision] .text[lang=en] mark').evaluateAll((ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => /^logistics$/i.test(m)), marks.join('|'));
    assert.equal(await page.locator('[data-testid=query-unmapped]').count(), 0, 'not said to be unmapped');
    // The same word in Chinese mode is not in the Chinese text: nothing found, and said so.
    await open(page, site.base, '?q=logistics');
    assert.equal(await cards(page).count(), 0);
  });

  test('a quoted phrase matches only where its words stand together, in that order', async () => {
    // Regression: `"financing pledge"` was read as `financing` (融资) and `pledge` (质押),
    // each found anywhere; the translation says "pledge financing", never "financing pledge".
    const page = await site.page();
    await openEnglish(page, '?lang=en&q=%22financing%20pledge%22');
    assert.equal(await cardCount(page), 0);
    assert.match(await page.locator('[data-testid=query-unmapped]').innerText(), /No Chinese term known for “financing pledge”; searched as written/);
    await openEnglish(page, '?lang=en&q=%22pledge%20financing%22');
    await settled(page);
    // (textContent: cards below the first screen skip rendering and have no innerText.)
    const texts = await cards(page).allTextContents();
    assert.ok(texts.length > 0 && texts.every((t) => /pledge financing/i.test(t)), texts.join('\n'));
    const marks = await page.locator('[data-testid=provision] mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /^pledge financing$/i.test(m)), marks.join('|'));
    // Unquoted, the words are two terms, each with its Chinese: many more provisions.
    await openEnglish(page, '?lang=en&q=financing%20pledge');
    assert.ok(await cardCount(page) > texts.length);
    assert.deepEqual(page.problems, []);
  });

  test('citations name the English title as an unofficial translation beside the Chinese', async () => {
    const page = await site.page();
    await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.base).origin });
    await openEnglish(page, '?lang=en&province=guangdong&domain=it');
    // Every titled document's citation gives its English title, labelled; an untitled one
    // is described (never given an invented title).
    const citations = await cards(page).evaluateAll((cs) => cs.map((c) => c.dataset.citation));
    // A card whose sentences meet the filter (emphasised) is quoted.
    const quoted = await cards(page).evaluateAll((cs) => cs.findIndex((c) => c.querySelector('.text[lang=en] .sentence:not(.dim)')));
    const titled = citations.filter((c) => !/title not in the source/.test(c));
    assert.ok(titled.length > 0);
    for (const cite of titled) {
      assert.match(cite, /\[unofficial translation\]/);
      assert.match(cite, /paragraph \d+/);
    }
    assert.ok(quoted >= 0);
    const card = cards(page).nth(quoted);
    const plain = await copied(page, card.locator('[data-testid=copy-citation-plain]'));
    // The plain style keeps the original title a reader can trace (regression: dropped).
    assert.match(plain, /“[^”]*[A-Za-z]{4}[^”]*” \[unofficial translation; original: [^\]]*[\u4e00-\u9fff]/);
    // Regression: the issuer stayed Chinese, and the link opened the Chinese page.
    assert.match(plain, /^General Office of the Guangdong Provincial People's Government \(广东省人民政府办公厅\), /);
    assert.match(plain, /\?lang=en#guangdong-hts-/);
    assert.match(plain, /Quoted \(unofficial translation\): “[^”]*[a-z]{4}/);
    // The responsible departments read in English too, in the source's order.
    const departments = await page.locator('[data-testid=departments] [lang=en]').first().innerText();
    assert.match(departments, /^Provincial [A-Z]/);
    assert.doesNotMatch(departments, CJK);
  });

  test('exports in English carry the English beside the Chinese', async () => {
    const page = await site.page();
    await openEnglish(page, '?lang=en&tool=tax');
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    const head = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    assert.match(head, /Text \(English, unofficial translation\)/);
    assert.match(csv, CJK, 'the Chinese original stays');
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').click()]);
    const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    const records = Array.isArray(data) ? data : data.provisions ?? data.results;
    assert.ok(records.length > 0 && records.every((r) => 'text_en' in r), Object.keys(records[0] ?? {}).join(','));
    assert.ok(records.some((r) => typeof r.text_en === 'string' && asciiShare(r.text_en) > 0.9));
  });

  test('the targets exports in English carry the indicator, unit and source sentence in English, and cite in English', async () => {
    const page = await site.page();
    await open(page, site.base, '?view=targets&province=jilin&lang=en');
    await page.locator('[data-testid=target]').filter({ hasText: 'rural areas' }).first().waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    const lines = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /"Indicator \(English, unofficial translation\)",Unit \(English\),"Source sentence \(English, unofficial translation\)"$/);
    const rural = lines.find((l) => /Basic Internet bandwidth capacity in rural areas/.test(l));
    assert.ok(rural, lines.join('\n'));
    assert.match(rural, /农村互联网带宽基本能力/, 'the Chinese original stays');
    // Regression: the citation's place stayed Chinese (第N段) in the English targets export.
    assert.match(rural, /, paragraph \d+\./);
    assert.doesNotMatch(rural, /第\d+段/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').click()]);
    const records = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    const record = records.find((r) => r.indicator_en === 'Basic Internet bandwidth capacity in rural areas');
    assert.ok(record, JSON.stringify(records[0]));
    assert.ok(typeof record.sentence_en === 'string' && asciiShare(record.sentence_en) > 0.9, record.sentence_en);
    assert.ok(records.every((r) => 'unit_en' in r && r.year !== ''), 'unknown fields are null, not ""');
  });

  test('the English documents list and reader name a translated title in English, and notes read English first', async () => {
    const page = await site.page();
    await openEnglish(page, '?lang=en&view=documents');
    // Regression: Guangdong's title stayed Chinese in the English list although translated.
    const link = page.locator('[data-testid=open-guangdong-hts]');
    await page.waitForFunction(() => /^Circular/.test(document.querySelector('[data-testid=open-guangdong-hts]')?.textContent ?? ''));
    assert.equal(await link.getAttribute('lang'), null, 'in the page\'s language');
    const notes = page.locator('[data-testid=doc-notes]').first();
    assert.equal(await notes.locator('span').first().getAttribute('lang'), 'en');
    assert.equal(await notes.locator('span').nth(1).getAttribute('lang'), 'zh-CN');
    assert.ok(asciiShare(await notes.locator('span').first().innerText()) > 0.95);
    await link.click();
    await page.waitForFunction(() => /^Circular of the General Office/.test(document.title), null, { timeout: 5000 });
  });
});
