import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../platform/context.js';
import { runInit } from '../cli/init.js';
import { browserSkip, startBrowserApp, type BrowserApp, shot } from '../../test/browser/browser.js';
import { testClock } from '../../test/helpers/clock.js';

/** WCAG relative luminance and contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map((x) => Number(x) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const style = (page: Page, selector: string, props: string[]) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, ps) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
    }, props);

describe(
  'portal look: focus ring, header search button, facets beside results, a chart legible on a phone [sqlite]',
  { skip: browserSkip },
  () => {
    let env: BrowserApp | undefined;
    let base: string;
    let browser: Browser;
    before(async () => {
      env = await startBrowserApp(async ({ database, config }) => {
        await runInit(
          { db: database.db, actor: systemActor('test'), config, now: testClock },
          { demo: true, log: () => undefined },
        );
      });
      ({ base, browser } = env);
    });
    after(async () => {
      await env?.close();
    });

    it(
      'on a desktop: a focus ring of 3:1 on white and on the red header, a 搜索 button that stands out, facets beside the results',
      { timeout: 120_000 },
      async () => {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        await page.goto(base + '/search?q=' + encodeURIComponent('示例'));
        const header = await style(page, '.site-header', ['background-color']);
        const btn = await style(page, '.search-box button', ['background-color', 'color']);
        assert.ok(
          contrast(btn['background-color']!, header['background-color']!) >= 3,
          `搜索 button ${btn['background-color']} against the header ${header['background-color']}`,
        );
        assert.ok(contrast(btn['background-color']!, btn.color!) >= 4.5, 'the button text is readable');

        const mainLink = page.locator('main a').first();
        await mainLink.focus();
        const ring = await mainLink.evaluate((el) => ({
          outline: getComputedStyle(el).outlineColor,
          width: getComputedStyle(el).outlineWidth,
          halo: getComputedStyle(el).boxShadow,
        }));
        assert.equal(ring.width, '3px');
        assert.ok(contrast(ring.outline, 'rgb(255, 255, 255)') >= 3, `focus ring ${ring.outline} on white`);
        const halo = /rgb\([^)]+\)/.exec(ring.halo)?.[0] ?? '';
        assert.ok(contrast(halo, header['background-color']!) >= 3, `focus halo ${halo} on the header`);

        const results = await page.locator('.search-layout > section').first().boundingBox();
        const facets = await page.locator('.search-layout > aside').first().boundingBox();
        assert.ok(results && facets, 'results and facets are shown');
        assert.ok(
          facets.x >= results.x + results.width - 1 && facets.y < results.y + 200,
          'the facets sit to the right of the results',
        );
        await shot(page, 'portal-search-1280');
      },
    );

    it(
      'on a phone: the statistics chart keeps its text at least 10 px high and the page does not scroll sideways',
      { timeout: 120_000 },
      async () => {
        const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
        await page.goto(base + '/stats');
        const label = page.locator('figure.chart svg text').first();
        await label.waitFor();
        const box = await label.boundingBox();
        assert.ok(box && box.height >= 10, `chart text ${box?.height} px high`);
        assert.ok(
          (await page.evaluate(() => document.documentElement.scrollWidth)) <= 375,
          'the page itself does not scroll sideways',
        );
        await shot(page, 'portal-stats-375');
      },
    );

    it('on a phone: links that stand alone are at least 44 px high, links in a sentence keep the text’s', async () => {
      const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
      const heights = (sel: string) =>
        page.locator(sel).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
      await page.goto(base + '/gk');
      const agencies = await heights('.agency-list a');
      assert.ok(agencies.length > 3, 'the agency list is shown');
      await page.locator('.agency-list a').nth(2).click();
      for (const sel of ['.tools a', '.main-nav a', '.breadcrumbs a', '.sort-links a']) {
        const hs = [...(await heights(sel)), ...(sel === '.tools a' ? agencies : [])];
        assert.ok(hs.length > 0, `${sel} on the page`);
        assert.ok(
          hs.every((x) => x >= 44),
          `${sel}: ${hs.join(', ')} px`,
        );
      }
      const inText = await heights('main p:not(.sort-links) a');
      assert.ok(inText.length > 0 && inText.every((x) => x < 44), `links in a sentence: ${inText.join(', ')} px`);
      await shot(page, 'portal-catalogue-375-targets');
    });
  },
);
