// Helpers shared by the journeys and the crawl.

import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

export const WIDTHS = [375, 1280];
export const EDITOR = { email: 'redactie@vooruit.test', password: 'vooruit-demo-redactie' };
export const ADMIN = { email: 'beheer@vooruit.test', password: 'vooruit-demo-beheer' };

/** A fresh browser context (own cookies) at a width, in a language. */
export async function newContext(browser, base, { width = 1280, lang = 'nl', javaScript = true } = {}) {
  const context = await browser.newContext({
    baseURL: base,
    javaScriptEnabled: javaScript,
    viewport: { width, height: 900 },
    locale: lang === 'en' ? 'en-GB' : 'nl-NL',
    extraHTTPHeaders: { 'Accept-Language': lang === 'en' ? 'en' : 'nl' },
  });
  context.setDefaultTimeout(10000);
  return context;
}

export async function login(page, { email, password } = EDITOR) {
  await page.goto('/inloggen');
  await page.locator('#veld-email').fill(email);
  await page.locator('#veld-password').fill(password);
  await page.locator('main form[action="/inloggen"] button[type=submit]').click();
  await page.waitForLoadState();
  assert.ok(!page.url().includes('/inloggen'), `login failed, still at ${page.url()}`);
}

/** axe with the WCAG 2.1 A/AA tags; the violations, each with its nodes. */
export async function axe(page) {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations;
}

export function describeViolations(url, label, violations) {
  return violations
    .map((v) => `${url} [${label}] ${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'))
    .join('\n');
}


/** Fails with the page and the rules when axe finds anything here. */
export async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, describeViolations(new URL(page.url()).pathname, label, v));
}

/** The first link to `prefix` in a mail to `to` in the server's outbox
 * (quoted-printable soft breaks undone). Waits up to 10 s. */
export async function mailLink(outbox, to, prefix) {
  const { readdirSync, readFileSync } = await import('node:fs');
  for (let i = 0; i < 100; i++) {
    let files = [];
    try { files = readdirSync(outbox).filter((f) => f.endsWith('.eml')); } catch { /* not there yet */ }
    for (const f of files) {
      const raw = readFileSync(`${outbox}/${f}`, 'utf8').replace(/=\r?\n/g, '').replaceAll('=3D', '=');
      if (!raw.includes(`To: ${to}`)) continue;
      const at = raw.indexOf(prefix);
      if (at >= 0) return raw.slice(at).split(/[\s"<>]/)[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} with a link to ${prefix}`);
}

/** The focused element: its id, class, whether it shows and has a focus style. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      id: el.id,
      cls: el.className,
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
      indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
    };
  });
}

/** Presses Tab until the element matching `selector` has focus. */
export async function tabTo(page, selector) {
  for (let i = 0; i < 250; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
