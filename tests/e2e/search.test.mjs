// Search that meets the reader (issue 13, parts 4 and 5): traditional and simplified
// characters find each other, English words and phrases find their Chinese terms, the
// page says how a query was read, and an English or pinyin word with no Chinese term says
// so instead of silently returning nothing.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, settled, cards, resultCount, cardTexts, screenshot } from './helpers.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

const reading = (page) => page.locator('[data-testid=query-reading]');
const unmapped = (page) => page.locator('[data-testid=query-unmapped]');

describe('search folds scripts and reads English', () => {
  test('知識產權 and 知识产权 give the same results, and the page says how it was read', async () => {
    const page = await site.page();
    await open(page, site.base, '?q=知识产权');
    const simplified = await resultCount(page);
    assert.ok(simplified > 0, 'the simplified query finds provisions');
    const simplifiedTexts = await cardTexts(page);
    await open(page, site.base, '?q=知識產權');
    assert.equal(await resultCount(page), simplified);
    assert.deepEqual(await cardTexts(page), simplifiedTexts, 'the same provisions, in the same order');
    assert.match(await reading(page).innerText(), /知識產權 → 知识产权/);
    // Highlighting is exact: the marks are the simplified words of the text.
    const marks = await page.locator('[data-testid=provision] mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.includes('知识产权')), marks.slice(0, 5).join(','));
    await open(page, site.base, '?q=檢驗檢測');
    const traditional = await resultCount(page);
    await open(page, site.base, '?q=检验检测');
    assert.equal(await resultCount(page), traditional);
    assert.ok(traditional > 0);
    assert.deepEqual(page.problems, []);
  });

  test('an English phrase finds its provisions and shows its reading', async () => {
    const page = await site.page();
    await open(page, site.base, '?q=intellectual%20property');
    assert.equal(await resultCount(page), await (async () => {
      const other = await site.page();
      await open(other, site.base, '?q=知识产权');
      return resultCount(other);
    })());
    assert.match(await reading(page).innerText(), /intellectual property → 知识产权/);
    assert.equal(await unmapped(page).count(), 0);
    await screenshot(page, 'search-reading');
    for (const [q, term] of [['venture%20capital', '创业投资'], ['income%20tax', '所得税'], ['R%26D', '研发'], ['Guangdong', '广东'], ['certification', '认证']]) {
      await open(page, site.base, `?q=${q}`);
      assert.ok(await resultCount(page) > 0, `${q} finds provisions`);
      assert.match(await reading(page).innerText(), new RegExp(`→ [^；;]*${term}`), q);
    }
    // A quoted phrase is one term, as typed in the box.
    await open(page, site.base, '?q=%22value-added%20tax%22');
    assert.ok(await resultCount(page) > 0);
    assert.match(await reading(page).innerText(), /value-added tax → 增值税/);
    assert.deepEqual(page.problems, []);
  });

  test('a word with no Chinese term says so, in either language', async () => {
    const page = await site.page();
    await open(page, site.base, '?q=blockchain');
    assert.equal(await resultCount(page), 0);
    assert.match(await unmapped(page).innerText(), /“blockchain”.*已按原文检索/);
    await open(page, site.base, '?q=blockchain%20patent&lang=en');
    assert.match(await unmapped(page).innerText(), /No Chinese term known for “blockchain”; searched as written/);
    assert.match(await reading(page).innerText(), /patent → 专利/);
    // Typing updates the reading live.
    await page.fill('[data-testid=search]', 'loans');
    await page.waitForFunction(() => document.querySelector('[data-testid=query-reading]')?.textContent.includes('loans → 贷款'));
    assert.equal(await unmapped(page).count(), 0);
    // At 360 px the notice wraps inside the page.
    const phone = await site.page({ width: 360, height: 740 });
    await open(phone, site.base, '?q=blockchain%20zhuanli');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scroll (${width})`);
    assert.match(await unmapped(phone).innerText(), /“blockchain”、“zhuanli”/);
    assert.deepEqual(page.problems, []);
  });
});

describe('Latin terms are words', () => {
  test('IP is not found inside ＩＰＴＶ; a Latin word next to Chinese characters or figures is a word', async () => {
    const page = await site.page();
    // Regression: `IP` also found the provision with ＩＰＴＶ (folded to `iptv`) and marked its ＩＰ.
    await open(page, site.base, '?q=IP');
    await settled(page);
    // (textContent: cards below the first screen skip rendering and have no innerText.)
    const texts = await cards(page).allTextContents();
    assert.ok(texts.length > 0, 'IP finds 知识产权');
    assert.deepEqual(texts.filter((t) => /ＩＰＴＶ/.test(t)), [], 'no card for ＩＰＴＶ');
    const marks = await page.locator('[data-testid=provision] mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '知识产权'), marks.join('|'));
    // The word itself is found, full width or not.
    await open(page, site.base, '?q=iptv');
    assert.equal(await resultCount(page), 1);
    assert.deepEqual(await page.locator('[data-testid=provision] mark').allTextContents(), ['ＩＰＴＶ']);
    // Chinese characters and digits end a word: IC in IC设计, mbps in 20Ｍｂｐｓ.
    await open(page, site.base, '?q=IC');
    assert.equal(await resultCount(page), 1);
    assert.deepEqual(await page.locator('[data-testid=provision] mark').allTextContents(), ['IC']);
    await open(page, site.base, '?q=mbps');
    assert.equal(await resultCount(page), 1);
    assert.deepEqual(await page.locator('[data-testid=provision] mark').allTextContents(), ['Ｍｂｐｓ', 'Ｍｂｐｓ']);
    assert.deepEqual(page.problems, []);
  });
});

describe('the query in a link', () => {
  test('a query longer than 200 characters is cut to its first 200, and the page says so in either language', async () => {
    // Regression: the cut query was listed as "not recognised and ignored" (`q=知识产权…`).
    const page = await site.page();
    const long = '知识产权 '.repeat(60); // 300 characters
    await open(page, site.base, `?q=${encodeURIComponent(long)}`);
    const notice = await page.locator('[data-testid=notice]').innerText();
    assert.match(notice, /检索词过长（最多 200 字），已截取前 200 字/);
    assert.doesNotMatch(notice, /无法识别|q=/);
    assert.equal(await page.inputValue('[data-testid=search]'), long.slice(0, 200), 'the first 200 are in the box');
    const cut = await resultCount(page);
    await open(page, site.base, `?q=${encodeURIComponent('知识产权')}`);
    assert.equal(cut, await resultCount(page), 'and are searched');
    await open(page, site.base, `?lang=en&q=${encodeURIComponent(long)}&view=map`);
    const en = await page.locator('[data-testid=notice]').innerText();
    assert.match(en, /were not recognised and were ignored: view=map\. The search was longer than 200 characters; its first 200 are searched\./);
    // A character beyond the Basic Multilingual Plane across the limit is kept whole.
    await open(page, site.base, `?q=${'a'.repeat(199)}%F0%9F%98%80b`);
    assert.equal(await page.inputValue('[data-testid=search]'), `${'a'.repeat(199)}😀`);
    assert.match(await page.locator('[data-testid=notice]').innerText(), /检索词过长/);
    // Typed, the box takes no more than a link keeps.
    await open(page, site.base, '');
    await page.locator('[data-testid=search]').fill('');
    await page.locator('[data-testid=search]').pressSequentially('专利 '.repeat(70), { delay: 0 });
    assert.equal((await page.inputValue('[data-testid=search]')).length, 200);
    assert.deepEqual(page.problems, []);
  });

  test('a search of only spaces is no search: no q in the address, typed or in a link', async () => {
    // Regression: typing spaces wrote `q=%20%20` into the address, and a link with it kept it.
    const page = await site.page();
    await open(page, site.base, '?province=hunan');
    const all = await resultCount(page);
    const entries = await page.evaluate(() => history.length);
    await page.fill('[data-testid=search]', '   ');
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).search, '?province=hunan', 'spaces change nothing in the address');
    assert.equal(await page.evaluate(() => history.length), entries, 'and make no history entry');
    assert.equal(await resultCount(page), all);
    // Cleared to spaces after a search: the address loses its q.
    await page.fill('[data-testid=search]', '质押');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '质押');
    await page.fill('[data-testid=search]', '  ');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'), null, { timeout: 5000 });
    assert.equal(new URL(page.url()).search, '?province=hunan');
    assert.equal(await resultCount(page), all);
    // A link with only spaces: no search, and the address the app writes next has no q.
    await open(page, site.base, '?q=%20%20&province=hunan');
    assert.equal(await resultCount(page), all);
    assert.equal(await page.inputValue('[data-testid=search]'), '');
    await page.locator('[data-testid=facet-province-jilin]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === 'hunan,jilin');
    assert.equal(new URL(page.url()).search, '?province=hunan,jilin');
    assert.deepEqual(page.problems, []);
  });

  // Regression: a link cut inside a character searched "知�" without a word, a quoted
  // phrase's chip doubled its quotes, and the English filter count had Chinese brackets.
  test('a garbled q is read as far as it can be and said so; chips and counts read right in English', async () => {
    const page = await site.page();
    await open(page, site.base, '?q=%E7%9F%A5%E8%AF');
    assert.equal(await page.inputValue('[data-testid=search]'), '知');
    assert.match(await page.locator('[data-testid=notice-garbled]').innerText(), /编码不完整/);
    await open(page, site.base, '?lang=en&q=%22pledge%20financing%22&province=hunan');
    assert.equal(await page.locator('[data-testid^=chip-q-]').innerText().then((t) => t.replace(/\s*×$/, '')), '"pledge financing"');
    assert.match(await page.locator('#h-filter-count').textContent(), /^ \(1\)$/);
    assert.deepEqual(page.problems, []);
  });
});
