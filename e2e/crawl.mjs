// Every page reachable by links, from the home page as a visitor, from the
// redactie as an editor (who is also the demo organisation's beheerder) and
// from the administration as an administrator: axe at a phone and a desktop width in Dutch and
// English, no horizontal scrolling at 320 px, screenshots of the main pages.
// Returns the pages' HTML (Dutch) for the Nu HTML Checker.

import assert from 'node:assert/strict';
import path from 'node:path';
import { newContext, login, axe, describeViolations, WIDTHS, EDITOR, ADMIN } from './lib.mjs';

/** Links that are not pages, or that change state (the language cookie). */
const SKIP = [/^\/api\//, /^\/taal\//, /^\/static\//, /\.(ics|xml|csv|txt|json|svg|png|jpg|mp3|m4a|vtt)(\?|$)/,
  /^\/nieuwsbrief\/afmelden\//, /^\/agenda\/afmelden\//];

/** Pages only signed-in people see (editors, members, admins). */
const SIGNED_IN_ONLY = /^\/(redactie|beheer|mijn|organisaties|groepen)(\/|\?|$)/;

/** Where each role starts, and who it logs in as. */
const ROLES = {
  visitor: { starts: ['/', '/bestaat-niet'], account: null },
  editor: { starts: ['/redactie', '/mijn/organisaties', '/groepen', '/'], account: EDITOR },
  admin: { starts: ['/beheer/gebruikers', '/beheer/organisaties', '/beheer/taxonomie'], account: ADMIN },
};

/** Main pages: screenshots at both widths. */
const SHOTS = ['/', '/verhalen', '/agenda', '/publicaties', '/podcast', '/video', '/magazine', '/verhaal-delen', '/zoeken?q=werkdruk', '/nieuwsbrief',
  '/nieuwsbrief/archief', '/themas', '/redactie', '/redactie/agenda', '/redactie/nieuwsbrief'];

/** One page per path and set of query parameter names: facet links would
 * otherwise multiply the crawl without showing new templates. */
function key(url) {
  const names = [...url.searchParams.keys()].sort().join('&');
  const path = SAME_TEMPLATE.reduce((p, [re, to]) => p.replace(re, to), url.pathname);
  return path + (names ? `?${names}` : '');
}

/** Paths that show one template for many values: one of each is enough. */
const SAME_TEMPLATE = [
  [/^\/beheer\/taxonomie\/[^/]+\/[^/]+$/, '/beheer/taxonomie/*'],
  [/^\/redactie\/synoniemen\/[^/]+$/, '/redactie/synoniemen/*'],
  [/^\/publicaties\/[^/]+$/, '/publicaties/*'],
  [/^\/redactie\/publicaties\/(?!nieuw$)[^/]+$/, '/redactie/publicaties/*'],
  [/^\/podcast\/(?!feed\.xml$)[^/]+$/, '/podcast/*'],
  [/^\/redactie\/podcast\/(?!nieuw$)[^/]+$/, '/redactie/podcast/*'],
  [/^\/video\/(?!feed\.xml$)[^/]+$/, '/video/*'],
  [/^\/redactie\/video\/(?!nieuw$)[^/]+$/, '/redactie/video/*'],
  [/^\/werkwijzers\/(?!feed\.xml$)[^/]+$/, '/werkwijzers/*'],
  [/^\/redactie\/werkwijzers\/(?!nieuw$)[^/]+$/, '/redactie/werkwijzers/*'],
  [/^\/magazine\/(?!feed\.xml$)[^/]+$/, '/magazine/*'],
  [/^\/redactie\/magazine\/(?!nieuw$)[^/]+$/, '/redactie/magazine/*'],
];

async function discover(ctx, base, starts) {
  const seen = new Map();
  const queue = [...starts];
  while (queue.length && seen.size < 400) {
    const href = queue.shift();
    const url = new URL(href, base);
    if (url.origin !== new URL(base).origin || SKIP.some((re) => re.test(url.pathname))) continue;
    // A loaded video player is another site's page: media.mjs checks it.
    if (url.searchParams.has('laden')) continue;
    const k = key(url);
    if (seen.has(k)) continue;
    const res = await ctx.request.get(url.pathname + url.search, { maxRedirects: 0 });
    const type = res.headers()['content-type'] || '';
    if (res.status() >= 300 && res.status() < 400) {
      seen.set(k, null);
      queue.push(res.headers().location);
      continue;
    }
    if (!type.startsWith('text/html')) {
      seen.set(k, null);
      continue;
    }
    const html = await res.text();
    seen.set(k, { url: url.pathname + url.search, html, status: res.status() });
    for (const m of html.matchAll(/href="([^"#]*)/g)) {
      if (m[1]) queue.push(m[1].replaceAll('&amp;', '&'));
    }
  }
  return [...seen.values()].filter(Boolean);
}

/** The page's width, and an element that sticks out without a child that
 * does (for the message). Content of scrolling frames does not count. */
function widest() {
  const width = document.documentElement.scrollWidth;
  const out = (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.vo-table-scroll');
  const el = [...document.querySelectorAll('body *')].find((e) => out(e) && ![...e.children].some(out));
  const culprit = el ? el.outerHTML.slice(0, 120).replace(/\s+/g, ' ') : '';
  return { width, culprit };
}

export async function crawl({ browser, base, check, shots }) {
  const all = [];
  for (const [role, { starts, account }] of Object.entries(ROLES)) {
    const probe = await newContext(browser, base);
    if (account) await login(await probe.newPage(), account);
    let pages = await discover(probe, base, starts);
    await probe.close();
    // Signed in, the public pages have one more menu item; the home page
    // covers that header, the rest are the pages only they see. (The
    // administrator's pages beyond /beheer were seen by the editor.)
    if (role === 'editor') pages = pages.filter((p) => p.url === '/' || SIGNED_IN_ONLY.test(p.url));
    if (role === 'admin') pages = pages.filter((p) => p.url.startsWith('/beheer'));
    if (role === 'editor') {
      // The group tools are reached only through the demo group's pages:
      // the crawl must get there, or the checks below would miss them.
      await check('crawl: the editor reaches the demo group\'s terugblik, dilemmas and experiments', async () => {
        for (const re of [/\/terugblikken\/[0-9a-f]+$/, /\/dilemmas\/[0-9a-f]+$/, /\/experimenten\/[0-9a-f]+$/, /\/dilemmas\/[0-9a-f]+\/aanbieden$/]) {
          assert.ok(pages.some((p) => re.test(p.url)), `no page matching ${re} among ${pages.map((p) => p.url).join(' ')}`);
        }
      });
    }
    all.push(...pages.map((p) => ({ ...p, role })));

    // The public pages in all four combinations of language and width,
    // side by side, each in its own tab. The signed-in pages in two that
    // still cover both languages and both widths (Dutch on the phone,
    // English on the desktop): their text and layout come from the same
    // templates and styles, and the whole run must stay under 40 minutes.
    const all4 = ['nl', 'en'].flatMap((lang) => WIDTHS.map((width) => ({ lang, width })));
    const combos = role === 'visitor'
      ? all4
      : [{ lang: 'nl', width: Math.min(...WIDTHS) }, { lang: 'en', width: Math.max(...WIDTHS) }];
    await Promise.all(combos.map(({ lang, width }) => {
        const label = `${lang}, ${width} px, ${role}`;
        return check(`axe: no WCAG 2.1 AA violations on ${pages.length} pages (${label})`, async () => {
          const ctx = await newContext(browser, base, { width, lang });
          const page = await ctx.newPage();
          if (account) await login(page, account);
          const problems = [];
          for (const p of pages) {
            await page.goto(p.url);
            const v = await axe(page);
            if (v.length) problems.push(describeViolations(p.url, label, v));
            if ((lang === 'nl' || role !== 'visitor') && SHOTS.includes(p.url)) {
              const name = (p.url === '/' ? 'home' : p.url.slice(1).replace(/[/?=&]+/g, '-'));
              await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
            }
          }
          await ctx.close();
          assert.equal(problems.length, 0, `axe violations:\n${problems.join('\n')}`);
        });
    }));

    await check(`reflow: no horizontal scrolling at 320 px (${pages.length} pages, ${role})`, async () => {
      const ctx = await newContext(browser, base, { width: 320 });
      const page = await ctx.newPage();
      if (account) await login(page, account);
      const wide = [];
      for (const p of pages) {
        await page.goto(p.url);
        const w = await page.evaluate(widest);
        if (w.width > 320) wide.push(`${p.url}: ${w.width} px wide, first at ${w.culprit}`);
      }
      await ctx.close();
      assert.equal(wide.length, 0, `pages wider than the screen:\n${wide.join('\n')}`);
    });

    await check(`text at 200%: nothing wider than the screen at 1280 px (${pages.length} pages, ${role})`, async () => {
      const ctx = await newContext(browser, base, { width: 1280 });
      const page = await ctx.newPage();
      if (account) await login(page, account);
      const wide = [];
      for (const p of pages) {
        await page.goto(p.url);
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        const w = await page.evaluate(widest);
        if (w.width > 1280) wide.push(`${p.url}: ${w.width} px wide with text at 200%, first at ${w.culprit}`);
      }
      await ctx.close();
      assert.equal(wide.length, 0, `pages that do not fit with larger text:\n${wide.join('\n')}`);
    });
  }
  // Each page once for the HTML checker (the editor's copy where both saw it).
  const byUrl = new Map(all.map((p) => [p.url, p]));
  return [...byUrl.values()];
}
