// Accessibility (axe-core, keyboard), phone and desktop layouts (screenshots to look at),
// and no console errors on any view, with valid and hostile URLs.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { start, open, ROOT, screenshot, resultCount, cardCount, cardTexts } from './helpers.mjs';

let site;
before(async () => { site = await start(); });
after(async () => { await site.close(); });

const AXE = path.join(ROOT, 'scripts/node_modules/axe-core/axe.min.js');
const VIEWS = ['', '?view=compare', '?view=targets', '?view=documents', '?view=documents&doc=guangdong-hts', '?lang=en&tool=tax'];

async function axeViolations(page) {
  // Evaluated by the driver, not injected as a <script>: the page's CSP rightly forbids that.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }));
  return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')}`);
}

describe('accessibility', () => {
  for (const query of VIEWS) {
    test(`axe-core finds no violation on ${query || 'the results view'}`, async () => {
      const page = await site.page();
      await open(page, site.base, query);
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  // Regression: result cards had no heading, so a screen reader could not move from one
  // to the next by heading.
  test('each result card is a heading under the results, one level down when grouped', async () => {
    const page = await site.page();
    for (const [query, level] of [['?tool=tax', '3'], ['?tool=tax&group=province', '4']]) {
      await open(page, site.base, query);
      const levels = await page.locator('[data-testid=provision] [role=heading]').evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-level')));
      assert.ok(levels.length === await page.locator('[data-testid=provision]').count() && levels.every((l) => l === level), `${query}: ${levels}`);
      // Named by what tells them apart: each a different place (regression: every name
      // began with the same long document title).
      const names = await page.locator('[data-testid=provision] [role=heading]').evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-label')));
      assert.equal(new Set(names).size, names.length, names.join(' | '));
      assert.match(names[0], /^湖南省：.* 第\d+段$/);
    }
    assert.deepEqual(await axeViolations(page), []);
  });

  test('the facets and views work from the keyboard alone', async () => {
    const page = await site.page();
    await open(page, site.base);
    await page.locator('[data-testid=search]').focus();
    await page.keyboard.type('孵化');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '孵化');
    await page.locator('[data-testid=facet-province-hunan]').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === 'hunan');
    // The tabs follow a change a frame later (they carry the filters): focused before that,
    // the tab was written over and the Enter went nowhere (once, under load).
    await page.waitForFunction(() => document.querySelector('[data-testid=view-targets]')?.getAttribute('href')?.includes('province=hunan'));
    await page.locator('[data-testid=view-targets]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'targets');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement, ':focus-visible').outlineStyle);
    assert.notEqual(focusVisible, 'none');
  });

  // The facets and the view tabs are written again a frame after a change (they carry the
  // new counts and filters): the element under the focus was replaced and the focus fell
  // to the page, so the next Tab or Enter went nowhere.
  test('a control keeps the focus when the part of the page around it is written again', async () => {
    const page = await site.page();
    await open(page, site.base);
    await page.locator('[data-testid=facet-province-hunan]').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid=view-targets]')?.getAttribute('href')?.includes('province=hunan'));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'facet-province-hunan');

    // A tab focused while a change is under way: the click is the script's, the focus stays.
    await page.locator('[data-testid=view-targets]').focus();
    await page.evaluate(() => document.querySelector('[data-testid=facet-province-jilin]').click());
    await page.waitForFunction(() => document.querySelector('[data-testid=view-targets]')?.getAttribute('href')?.includes('jilin'));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'view-targets');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'targets');
    assert.match(page.url(), /province=hunan(%2C|,)jilin/);
    // Regression: the tab just followed lost the focus to the page (the new view's frame is
    // written before the tabs), so the next Tab started again from the top.
    await page.locator('[data-testid=view-targets][aria-current=page]').waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'view-targets', null, { timeout: 2000 });
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'view-compare');
  });

  // Regression: a compare cell followed from the keyboard left the focus on the page (the
  // cell is gone from the provisions it opens), so the next Tab started again from the top.
  test('a compare cell followed from the keyboard hands the focus to the provisions it opens', async () => {
    const page = await site.page();
    await open(page, site.base, '?view=compare');
    await page.locator('[data-testid=cell-hunan-ip]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === null && document.querySelector('[data-testid=provision]'));
    await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 2000 });
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), 'the next Tab stays in the results');
  });
});

describe('layouts', () => {
  for (const [name, width, height] of [['phone', 360, 780], ['desktop', 1366, 900]]) {
    test(`${name} width: nothing overflows sideways, results come first on a phone`, async () => {
      const page = await site.page({ width, height });
      for (const [view, query] of [['results', '?domain=ip&q=专利'], ['compare', '?view=compare'], ['targets', '?view=targets'], ['reader', '?view=documents&doc=jilin-hts']]) {
        await open(page, site.base, query);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${view} overflows by ${overflow}px`);
        await screenshot(page, `${name}-${view}`);
      }
      await open(page, site.base, '?q=专利');
      const firstCardTop = await page.locator('[data-testid=provision]').first().evaluate((e) => e.getBoundingClientRect().top);
      if (name === 'phone') assert.ok(firstCardTop < height, `first result at ${firstCardTop}px`);
      // Every view tab is in full view, in both languages (regression: the English
      // "Documents" was cut off on a phone).
      for (const query of ['', '?lang=en']) {
        await open(page, site.base, query);
        const cut = await page.locator('.view-tab').evaluateAll((tabs) => tabs.filter((t) => t.getBoundingClientRect().right > t.parentElement.getBoundingClientRect().right + 0.5).map((t) => t.textContent));
        assert.deepEqual(cut, [], `tabs cut off at ${width}px`);
      }
    });
  }
});

describe('print', () => {
  test('prints the current results without the controls', async () => {
    const page = await site.page();
    await open(page, site.base, '?province=hunan&tool=tax');
    await page.emulateMedia({ media: 'print' });
    for (const control of ['.sidebar', '.views', '.lang-switch', '[data-testid=copy-link]', '[data-testid=export-csv]']) {
      assert.equal(await page.locator(control).first().isVisible(), false, `${control} is not printed`);
    }
    assert.ok(await page.locator('[data-testid=provision]').first().isVisible());
    assert.ok(await page.locator('[data-testid=active-filters]').isVisible(), 'the filters are printed');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
  });
});

describe('no console errors', () => {
  const HOSTILE = [
    '?province=<script>alert(1)</script>&domain=<img src=x onerror=alert(1)>',
    '?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E#%3Cscript%3Ealert(1)%3C/script%3E',
    '?q=%E8%B4%A8%E6%8A%BC%ZZ%&province=%&&&=&tool=,,,&view=',
    '?province=hunan&province=jilin&q=a&q=&lang=xx&doc=../../etc/passwd',
    `?q=${'质'.repeat(34000)}`,
    '?q=e%CC%81%F0%9F%98%80%E2%80%AE%E2%80%8F%00&domain=%00',
    '#"><svg onload=alert(1)>',
    '?view=compare&province=<img src=x onerror=alert(1)>&tool=%F0%9F%98%80',
    '?view=targets&q=<script>alert(1)</script>&domain=ip,ip,ip',
    '?view=documents&doc=<script>alert(1)</script>',
    '?view=documents&doc=hunan-hts&q=%3Cb%3E#"><img src=x onerror=alert(1)>',
  ];
  for (const query of [...VIEWS, ...HOSTILE]) {
    test(`visiting ${query.slice(0, 60)} raises no error and injects nothing`, async () => {
      const page = await site.page();
      let dialogs = 0;
      page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
      await page.goto(site.base + query);
      await page.waitForSelector('main');
      await page.waitForTimeout(100);
      assert.deepEqual(page.problems, []);
      assert.equal(dialogs, 0);
      assert.equal(await page.locator('main img, main svg[onload], main script').count(), 0);
      assert.ok(await page.locator('h1').count() === 1);
    });
  }

  test('a 100 KB query is cut, reported, and answered promptly', async () => {
    const page = await site.page();
    await open(page, site.base, `?q=${'质'.repeat(34000)}`);
    assert.match(await page.locator('[data-testid=notice]').innerText(), /检索词过长（最多 200 字），已截取前 200 字/);
    assert.equal(await resultCount(page), 0);
  });
});
