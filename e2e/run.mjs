// Vooruit in a real browser (Debian's Chromium through playwright-core):
// the journeys people make, axe (WCAG 2.1 A/AA) on every page reachable by
// links, at a phone and a desktop width, in Dutch and English, and the Nu
// HTML Checker on every page. Screenshots of the main pages go to
// /screenshots. Prints a `test result:` line like cargo's, so the test
// script counts it, and exits non-zero when anything failed.
//
//   node e2e/run.mjs        (VOORUIT_BIN: the binary, default target/debug/vooruit)

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

import { journeys } from './journeys.mjs';
import { crawl } from './crawl.mjs';
import { media } from './media.mjs';
import { guides } from './guides.mjs';
import { groups } from './groups.mjs';
import { measurement } from './measurement.mjs';
import { axe, describeViolations, newContext } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.VOORUIT_BIN || path.join(ROOT, 'target/debug/vooruit');
const SHOTS = path.join(ROOT, 'screenshots');
const CHROMIUM = process.env.VOORUIT_CHROMIUM || '/usr/bin/chromium';

/** Starts `vooruit serve --demo` on a free loopback port in a fresh data dir. */
async function startServer(extraArgs = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vooruit-e2e-'));
  // Always the embedded SQLite in a fresh data dir: the browser suite
  // tests pages, not databases.
  const env = { ...process.env, VOORUIT_DATA_DIR: dir, VOORUIT_CONFIG: path.join(dir, 'none.toml'), VOORUIT_LOG: 'warn' };
  delete env.VOORUIT_DATABASE_URL;
  delete env.VOORUIT_SMTP_URL;
  const child = spawn(BIN, ['serve', '--demo', '--addr', '127.0.0.1:0', ...extraArgs], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/^listening on (http\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { base, dir, stop: () => { child.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); } };
}

const results = [];

/** Runs one named check; a failure is recorded with its message, not thrown. */
export async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`test ${name} ... ok (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`test ${name} ... FAILED\n${indent(e.stack || String(e))}`);
  }
}

function indent(s) {
  return s.split('\n').map((l) => `    ${l}`).join('\n');
}

/** The Nu HTML Checker on saved pages; errors per page. */
function validate(pages) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vooruit-vnu-'));
  const files = pages.map((p, i) => {
    const file = path.join(dir, `page-${i}.html`);
    writeFileSync(file, p.html);
    return { file, url: p.url };
  });
  const jar = path.join(ROOT, 'e2e/node_modules/vnu-jar/build/dist/vnu.jar');
  let out;
  try {
    out = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files.map((f) => f.file)],
      { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // vnu exits 1 when it found errors; the report is on stderr.
    out = e.stderr;
  }
  rmSync(dir, { recursive: true, force: true });
  const text = out.toString().trim();
  const report = text ? JSON.parse(text) : { messages: [] };
  const byFile = new Map(files.map((f) => [`file:${f.file}`, f.url]));
  return report.messages
    .filter((m) => m.type === 'error')
    .map((m) => `${byFile.get(m.url) || m.url}:${m.lastLine ?? '?'}: ${m.message} ${m.extract ? `«${m.extract.trim()}»` : ''}`);
}

/** The checkers themselves must find a planted fault, or zero means nothing. */
async function selfTest(browser) {
  await check('self-test: axe and the HTML checker find planted faults', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.setContent('<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><main><img src="x.png"><input type="text"></main></body></html>');
    const ids = (await axe(page)).map((v) => v.id);
    await ctx.close();
    assert.ok(ids.includes('image-alt') && ids.includes('label'), `axe found ${ids}`);
    const errors = validate([{ url: 'planted', html: '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><p><div></p></body></html>' }]);
    assert.ok(errors.length > 0, 'the HTML checker found nothing in broken HTML');
  });
}

/** An organisation's token file (docs/thema-voorbeeld.css) restyles the
 * site, and the result still passes axe. */
async function themeCheck(browser) {
  await check('theme: a token file changes the look, and contrast still passes', async () => {
    const themed = await startServer(['--theme-css', path.join(ROOT, 'docs/thema-voorbeeld.css')]);
    try {
      const ctx = await newContext(browser, themed.base);
      const page = await ctx.newPage();
      await page.goto('/');
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.vo-page-header')).backgroundColor);
      assert.equal(bg, 'rgb(0, 102, 79)', 'the header takes the theme colour');
      const v = await axe(page);
      await ctx.close();
      assert.equal(v.length, 0, describeViolations('/', 'themed', v));
    } finally {
      themed.stop();
    }
  });
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  try {
    // VOORUIT_E2E_ONLY=measurement (or journeys, media, guides, groups,
    // crawl) runs one part, while working on it.
    const only = process.env.VOORUIT_E2E_ONLY;
    const part = (name) => !only || only === name;
    const outbox = path.join(server.dir, 'outbox');
    if (part('self')) await selfTest(browser);
    if (part('journeys')) await journeys({ browser, base: server.base, check, outbox });
    if (part('theme')) await themeCheck(browser);
    if (part('media')) await media({ browser, base: server.base, check });
    if (part('guides')) await guides({ browser, base: server.base, check });
    if (part('groups')) await groups({ browser, base: server.base, check, outbox });
    const answering = part('measurement') ? await measurement({ browser, base: server.base, check, outbox }) : [];
    const pages = [...(part('crawl') ? await crawl({ browser, base: server.base, check, shots: SHOTS }) : []), ...answering];
    await check(`html: the Nu HTML Checker finds no errors on ${pages.length} pages`, async () => {
      const errors = validate(pages);
      assert.equal(errors.length, 0, `HTML errors:\n${errors.join('\n')}`);
    });
  } finally {
    await browser.close();
    server.stop();
  }
  const failed = results.filter((r) => !r.ok).length;
  const passed = results.length - failed;
  console.log(`\nbrowser suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
  console.log(`test result: ${failed ? 'FAILED' : 'ok'}. ${passed} passed; ${failed} failed; 0 ignored; 0 measured; 0 filtered out`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out');
  process.exit(1);
});
