// Helpers shared by the journeys and the crawl.

import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

export const WIDTHS = [375, 1280];
export const EDITOR = { email: 'redactie@vooruit.test', password: 'vooruit-demo-redactie' };

/** A fresh browser context (own cookies) at a width, in a language. */
export async function newContext(browser, base, { width = 1280, lang = 'nl' } = {}) {
  const context = await browser.newContext({
    baseURL: base,
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
  await page.locator('main form button[type=submit]').click();
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

