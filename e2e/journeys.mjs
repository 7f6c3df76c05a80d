// The journeys people make, each with assertions on what they see.

import assert from 'node:assert/strict';
import { newContext, login, assertAxe, mailLink, focused, tabTo } from './lib.mjs';

const HIDDEN_NAME = 'Wilhelmina Verborgen';
const HIDDEN_EMAIL = 'verborgen.verteller@e2e.test';
/** A real picture (a 4 x 4 PNG), for the cover field. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPQqDgBRwzEcQA/UhaB575xBAAAAABJRU5ErkJggg==';

/** The story fields of step 1, by the ids of their inputs. */
const STORY = {
  '#veld-title': 'Stoeptegelproef in de wijk',
  '#veld-context': 'Wij zijn een wijkteam. Bewoners zeiden dat de straat grijs en heet was.',
  '#veld-aim': 'Samen met bewoners meer groen in de straat.',
  '#veld-approach': 'We haalden op een zaterdag tegels weg en plantten met de buren.',
  '#veld-what_differed': 'Na een maand was de helft van de planten weg: niemand gaf water.',
  '#les-1': 'Spreek vooraf af wie water geeft',
};

export async function journeys({ browser, base, check, outbox }) {
  let statusUrl = '';
  let storyUrl = '';

  await check('journey: a visitor shares a story; a validation error keeps what was typed', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/verhaal-delen');
    await page.locator('#veld-title').fill(STORY['#veld-title']);
    await page.locator('button[name=go][value=check]').click();
    await page.locator('#fouten').waitFor();
    assert.equal(await page.locator('#veld-title').inputValue(), STORY['#veld-title'], 'title kept after an error');
    assert.ok(await page.locator('#fouten').isVisible(), 'error summary shown');
    await assertAxe(page, 'share form with errors');
    await page.locator('#kind-falend-vooruit').check();
    for (const [sel, text] of Object.entries(STORY)) await page.locator(sel).fill(text);
    await page.locator('#theme-samenwerking').check();
    await page.locator('button[name=go][value=check]').click();
    await assertAxe(page, 'share step 2');
    await page.locator('#veld-name').fill(HIDDEN_NAME);
    await page.locator('#veld-contact_email').fill(HIDDEN_EMAIL);
    await page.locator('#veld-no_client_info').check();
    await page.locator('#veld-consent').check();
    await page.locator('button[name=go][value=send]').click();
    await page.waitForURL(/\/verhaal-status\//);
    assert.match(await page.locator('h1').innerText(), /Je verhaal volgen/);
    statusUrl = new URL(page.url()).pathname;
    await assertAxe(page, 'status page of the teller');
    await ctx.close();
  });

  await check('journey: an editor asks a question, the teller answers, the editor publishes', async () => {
    assert.ok(statusUrl, 'needs the shared story');
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await login(page);
    await page.goto('/redactie');
    await page.getByRole('link', { name: STORY['#veld-title'] }).click();
    await page.locator('#veld-question').fill('Hoeveel bewoners deden mee?');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await page.getByText('Hoeveel bewoners deden mee?').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Publiceren' }).count(), 0, 'no publishing with an open question');

    const teller = await newContext(browser, base);
    const tp = await teller.newPage();
    await tp.goto(statusUrl);
    assert.match(await tp.locator('main').innerText(), /Hoeveel bewoners deden mee\?/);
    await assertAxe(tp, 'status page with a question');
    await tp.locator('#veld-body').fill('Twaalf huishoudens deden mee.');
    await tp.getByRole('button', { name: 'Bericht versturen' }).click();
    await tp.getByText('Twaalf huishoudens deden mee.').first().waitFor();
    await teller.close();

    await page.reload();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('button', { name: 'Publiceren' }).waitFor({ state: 'detached' });
    await ctx.close();
  });

  await check('journey: a visitor finds the story by search; the hidden name and e-mail appear nowhere', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.locator('#kop-zoek').fill('stoeptegelproef');
    await page.locator('#kop-zoek').press('Enter');
    await page.waitForURL(/\/zoeken/);
    await page.getByRole('link', { name: STORY['#veld-title'] }).first().click();
    await page.waitForURL(/\/verhalen\//);
    storyUrl = new URL(page.url()).pathname;
    assert.match(await page.locator('h1').innerText(), /Stoeptegelproef/);
    for (const path of [storyUrl, '/verhalen', '/zoeken?q=stoeptegelproef', '/verhalen/feed.xml', '/api/v1/stories', '/sitemap.xml']) {
      const body = await (await ctx.request.get(path)).text();
      assert.ok(!body.includes(HIDDEN_NAME), `hidden name on ${path}`);
      assert.ok(!body.includes(HIDDEN_EMAIL), `hidden e-mail on ${path}`);
    }
    await ctx.close();
  });

  await check('journey: switching to English and back', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/verhalen');
    await page.locator('a.vo-lang-switch').click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    assert.ok(page.url().endsWith('/verhalen'), `stays on the page: ${page.url()}`);
    assert.equal(await page.locator('.vo-nav__link[href="/verhalen"]').innerText(), 'Stories');
    await page.locator('a.vo-lang-switch').click();
    await page.locator('html[lang=nl]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('.vo-nav__link[href="/verhalen"]').innerText(), 'Verhalen');
    await ctx.close();
  });

  await check('journey: the story journey with the keyboard alone, a visible focus and a working skip link', async () => {
    const ctx = await newContext(browser, base, { width: 375 });
    const page = await ctx.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip.cls, 'vo-skip-link', `first Tab lands on the skip link, not ${JSON.stringify(skip)}`);
    assert.ok(skip.visible, 'the skip link shows when focused');
    assert.ok(skip.indicator, 'the focused skip link has a visible focus style');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'inhoud', 'Enter on the skip link moves focus to the content');

    await tabTo(page, 'a.vo-nav__link[href="/verhaal-delen"]');
    const nav = await focused(page);
    assert.ok(nav.indicator, 'a focused menu link shows a focus indicator');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/verhaal-delen/);
    await tabTo(page, 'input[name=kind]');
    // Arrow keys move within the radio group; Space picks.
    while (!(await page.evaluate(() => document.activeElement.id === 'kind-falend-vooruit'))) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    for (const [sel, text] of Object.entries(STORY)) {
      await tabTo(page, sel);
      await page.keyboard.type(text.replace('Stoeptegelproef', 'Toetsenbordproef'));
    }
    // One step back and forth with Shift-Tab.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'les-1');
    await tabTo(page, '#theme-werkdruk');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[name=go][value=check]');
    await page.keyboard.press('Enter');
    await page.locator('#veld-contact_email').waitFor();
    await tabTo(page, '#veld-contact_email');
    await page.keyboard.type('toetsenbord@e2e.test');
    await tabTo(page, '#veld-no_client_info');
    await page.keyboard.press('Space');
    await tabTo(page, '#veld-consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[name=go][value=send]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/verhaal-status\//);
    assert.match(await page.locator('h1').innerText(), /Je verhaal volgen/);
    await ctx.close();
  });

  await check('journey: registering for a meeting, and cancelling from the mail', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/agenda');
    await page.locator('.vo-hit__title a').first().click();
    await page.locator('#veld-name').fill('Sanne de Wit');
    await page.locator('#veld-email').fill('sanne@e2e.test');
    for (const input of await page.locator('input[name^=answer-]').all()) await input.fill('Geen bijzonderheden');
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL(/\/aanmelden$/);
    assert.match(await page.locator('h1').innerText(), /Je bent aangemeld|Je staat op de wachtlijst/);
    await assertAxe(page, 'registered');
    const cancel = await mailLink(outbox, 'sanne@e2e.test', `${base}/agenda/afmelden/`);
    await page.goto(cancel);
    await assertAxe(page, 'cancel page');
    await page.getByRole('button', { name: 'Ja, meld me af' }).click();
    await page.getByRole('heading', { name: 'Je bent afgemeld' }).waitFor();
    await assertAxe(page, 'cancelled');
    await ctx.close();
  });

  await check('journey: an editor uploads a PDF without JavaScript, publishes it, a reader downloads it', async () => {
    const ctx = await newContext(browser, base, { javaScript: false });
    const page = await ctx.newPage();
    await login(page);
    // (axe needs JavaScript; the crawl checks these pages with it.)
    await page.goto('/redactie/publicaties/nieuw');
    // First without a file: the message, and what was typed stays.
    await page.locator('#veld-title').fill('Leren van de nachtdienst');
    await page.locator('main form button[type=submit]').click();
    await page.locator('#veld-file-error').waitFor();
    assert.equal(await page.locator('#veld-title').inputValue(), 'Leren van de nachtdienst');
    // A cover without its description: said next to the field.
    const cover = { name: 'omslag.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') };
    await page.locator('#veld-file').setInputFiles({ name: 'nachtdienst.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.locator('#veld-cover').setInputFiles(cover);
    await page.locator('#veld-publisher').fill('Netwerk Nachtzorg');
    await page.locator('#veld-summary').fill('Wat drie teams leerden over rust en overdracht in de nacht.');
    await page.locator('main form button[type=submit]').click();
    await page.locator('#veld-cover_alt-error').waitFor();
    assert.equal(await page.locator('#veld-summary').inputValue(), 'Wat drie teams leerden over rust en overdracht in de nacht.');
    await page.locator('#veld-file').setInputFiles({ name: 'nachtdienst.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.locator('#veld-cover').setInputFiles(cover);
    await page.locator('#veld-cover_alt').fill('Een verpleegkundige bij een raam, \'s nachts');
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL(/\/redactie\/publicaties\?melding=toegevoegd/);
    await page.getByRole('link', { name: 'Leren van de nachtdienst' }).click();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('button', { name: 'Intrekken' }).waitFor();
    await ctx.close();

    const reader = await newContext(browser, base);
    const rp = await reader.newPage();
    await rp.goto('/publicaties');
    await rp.getByRole('link', { name: 'Leren van de nachtdienst' }).click();
    await assertAxe(rp, 'publication page');
    assert.equal(await rp.locator('img.vo-publication__cover').getAttribute('alt'), "Een verpleegkundige bij een raam, 's nachts");
    assert.match(await rp.locator('main').innerText(), /1 pagina\b/);
    const href = await rp.locator('a[download]').getAttribute('href');
    const res = await rp.request.get(href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
    // Search finds it, named as a publication.
    await rp.goto('/zoeken?q=nachtdienst');
    const hit = rp.locator('.vo-hit', { has: rp.getByRole('link', { name: 'Leren van de nachtdienst' }) });
    assert.equal(await hit.locator('.vo-hit__type').innerText(), 'Publicatie');
    await reader.close();
  });

  await check('journey: signing up for the newsletter and confirming from the mail', async () => {
    const ctx = await newContext(browser, base);
    const page = await ctx.newPage();
    await page.goto('/nieuwsbrief');
    await page.locator('#veld-email').fill('lezer@e2e.test');
    await page.locator('#nb-theme-werkdruk').check();
    await page.locator('main form button[type=submit]').click();
    await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
    await assertAxe(page, 'check your mailbox');
    const confirm = await mailLink(outbox, 'lezer@e2e.test', `${base}/nieuwsbrief/bevestigen/`);
    await page.goto(confirm);
    await assertAxe(page, 'confirm page');
    await page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief' }).click();
    await page.getByRole('heading', { name: 'Je bent aangemeld' }).waitFor();
    await ctx.close();
  });
}

/** What has focus: id, class, whether it is on screen, whether it shows focus. */
/** A one-page PDF, written out by hand (offsets in the xref table). */
function pdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
