// The walking skeleton: URL in → results, typing → URL, facet click → results and URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, cards, resultCount, attr, params, cardCount, cardTexts } from './helpers.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

test('?province=hunan shows only Hunan provisions, and the count matches the cards', async () => {
  const page = await site.page();
  await open(page, site.base, '?province=hunan');
  const provinces = await attr(cards(page), 'data-province');
  assert.ok(provinces.length > 0, 'shows results');
  assert.deepEqual([...new Set(provinces)], ['hunan']);
  assert.equal(await resultCount(page), provinces.length);
  assert.deepEqual(page.problems, []);
});

test('typing narrows the results, writes q= into the URL, and a reload restores them', async () => {
  const page = await site.page();
  await open(page, site.base);
  const all = await resultCount(page);
  await page.locator('[data-testid=search]').fill('质押');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) < n, all);
  const narrowed = await resultCount(page);
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  // The address bar is written after the frame that shows the results.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '质押');
  assert.equal(params(page).q, '质押');
  const ids = await attr(cards(page), 'data-id');
  await page.reload();
  await page.waitForSelector('[data-testid=provision]');
  assert.deepEqual(await attr(cards(page), 'data-id'), ids);
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '质押');
  for (const text of await cardTexts(page)) assert.match(text, /质押/);
});

test('clicking a facet option updates the results and the URL', async () => {
  const page = await site.page();
  await open(page, site.base);
  const all = await resultCount(page);
  await page.locator('[data-testid=facet-domain-ip]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('domain') === 'ip');
  const ip = await resultCount(page);
  assert.ok(ip > 0 && ip < all, `${ip} of ${all}`);
  assert.equal(await cardCount(page), ip);
  await page.locator('[data-testid=facet-province-jilin]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === 'jilin');
  assert.deepEqual([...new Set(await attr(cards(page), 'data-province'))], ['jilin']);
  assert.ok(await resultCount(page) < ip);
});

test('the data set is shipped as data/policies.json and matches what the page shows', async () => {
  const page = await site.page();
  await open(page, site.base);
  const bundle = await (await page.request.get(site.base + 'data/policies.json')).json();
  assert.equal(bundle.schema_version, 1);
  assert.equal(bundle.documents.length, 5);
  assert.equal(await resultCount(page), bundle.provisions.length);
  assert.equal(await page.locator('[data-testid=download-data]').getAttribute('href'), 'data/policies.json');
  // The footer names the sources from the data, not from a fixed list.
  const sources = await page.locator('[data-testid=sources]').innerText();
  assert.match(sources, new RegExp(`的 ${bundle.documents.length} 份`));
  for (const name of ['湖南省', '吉林省', '广东省', '四川省', '山东省']) assert.ok(sources.includes(name), `${name} in: ${sources}`);
  // How the tags were made, counted from the data (regression: it said "keyword rules"
  // under tags that were all reviewed).
  const sentences = bundle.provisions.flatMap((p) => p.sentences);
  const reviewed = sentences.filter((s) => s.coded_by === 'review').length;
  assert.ok(reviewed === sentences.length ? sources.includes(`标签均经人工审核编码（${sentences.length} 句）`) : sources.includes(`${sentences.length} 句中 ${reviewed} 句经人工审核编码`), sources);
  assert.doesNotMatch(sources, /标签由关键词规则生成/);
});
