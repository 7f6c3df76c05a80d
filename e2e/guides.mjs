// A werkwijzer on paper: with print media the page drops the navigation
// and forms, keeps each step on one page and writes links out. (axe and
// the HTML checker see the guide pages in the crawl.)

import assert from 'node:assert/strict';
import { newContext } from './lib.mjs';

export async function guides({ browser, base, check }) {
  await check('werkwijzer: the print view has no navigation, unsplit steps and links written out', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/werkwijzers');
    await page.getByRole('link', { name: 'Terugblikken in vier vragen' }).click();
    assert.equal(await page.locator('.vo-step').count(), 5);
    // On screen the navigation is there.
    assert.notEqual(await page.locator('.vo-page-header').evaluate((e) => getComputedStyle(e).display), 'none');
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.vo-page-header', '.vo-page-footer', '.vo-no-print']) {
      assert.equal(await page.locator(sel).first().evaluate((e) => getComputedStyle(e).display), 'none', sel);
    }
    const breaks = await page.locator('.vo-step').evaluateAll((steps) => steps.map((s) => getComputedStyle(s).breakInside));
    assert.deepEqual([...new Set(breaks)], ['avoid']);
    const after = await page.locator('a[data-print-url]').first().evaluate((a) => getComputedStyle(a, '::after').content);
    assert.match(after, /\(http:\/\/127\.0\.0\.1:\d+\/verhalen\/[a-z0-9-]+\)/);
    // The PDF a browser would print: one page or more, made without errors.
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    await ctx.close();
  });
}
