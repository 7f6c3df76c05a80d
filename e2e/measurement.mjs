// Behaviour measurement in the browser: the programme's owner (the demo
// editor, beheerder of the demo organisation) invites someone to the
// prepared round and opens it; the respondent answers on a 375 px phone
// with the keyboard alone, first sending too little (the errors are
// listed and linked), then everything; the link then works no more. The
// results of the closed round read as charts with titles and tables.
// Returns the questionnaire's HTML for the Nu HTML Checker (the crawl
// cannot reach a page behind a personal link).

import assert from 'node:assert/strict';
import { newContext, login, mailLink, assertAxe, focused, tabTo, EDITOR } from './lib.mjs';

const LIST = '/organisaties/gemeente-voorbeeldstad/metingen';
const RESPONDENT = 'e2e.respondent@voorbeeldstad.nl';

export async function measurement({ browser, base, check, outbox }) {
  const pages = [];
  await check('meting: the owner opens a round; a respondent answers at 375 px with the keyboard alone; results as charts and tables', async () => {
    const a = await newContext(browser, base);
    const owner = await a.newPage();
    await login(owner, EDITOR);
    await owner.goto(LIST);
    await owner.locator('main a', { hasText: 'Samen klantgericht werken' }).click();
    await owner.waitForLoadState();
    const programme = new URL(owner.url()).pathname;
    await owner.goto(`${programme}/rondes/2`);
    await owner.locator('#veld-emails').fill(RESPONDENT);
    await owner.locator('form[action$="/deelnemers"] button[type=submit]').click();
    await owner.waitForURL(/melding=uitgenodigd/);
    await owner.locator('form[action$="/openen"] button').click();
    await owner.waitForURL(/melding=geopend/);
    await assertAxe(owner, 'round, open');
    const link = await mailLink(outbox, RESPONDENT, `${base}/meting/`);

    const b = await newContext(browser, base, { width: 375 });
    const phone = await b.newPage();
    const path = link.slice(base.length);
    await phone.goto(path);
    await assertAxe(phone, 'questionnaire at 375 px');
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 375, `the questionnaire scrolls sideways at 375 px (${wide})`);
    pages.push({ url: '/meting/{link}', html: await phone.content() });
    const groups = await phone.evaluate(() => [...new Set([...document.querySelectorAll('input[type=radio]')].map((r) => r.name))]);
    assert.equal(groups.length, 8, `one choice per behaviour: ${groups}`);

    // Sending with only the first behaviour answered: the summary lists
    // the others, each linked to its question, and what was chosen stays.
    await tabTo(phone, `input[name="${groups[0]}"]`);
    await phone.keyboard.press('Space');
    await tabTo(phone, 'main form button[type=submit]');
    assert.ok((await focused(phone)).indicator, 'the focused button shows a focus indicator');
    await phone.keyboard.press('Enter');
    await phone.locator('#fouten').waitFor();
    const listed = await phone.locator('#fouten li a').count();
    assert.equal(listed, 7, 'seven unanswered behaviours listed');
    assert.equal(await phone.locator(`input[name="${groups[0]}"]:checked`).count(), 1, 'the choice made was kept');
    await assertAxe(phone, 'questionnaire with errors');
    pages.push({ url: '/meting/{link} (errors)', html: await phone.content() });

    // Now every behaviour, with the keyboard: into the group, then the
    // arrow keys move the choice (to "Vaak").
    for (const name of groups) {
      await tabTo(phone, `input[name="${name}"]`);
      await phone.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await phone.keyboard.press('ArrowDown');
    }
    assert.equal(await phone.locator('input[type=radio][value="4"]:checked').count(), 8, 'each behaviour answered "Vaak"');
    await tabTo(phone, 'textarea[name^="example-"]');
    await phone.keyboard.type('Ik vroeg door en hoorde wat er echt speelde.');
    await tabTo(phone, 'main form button[type=submit]');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(/\/meting\/bedankt$/);
    await phone.getByRole('heading', { name: 'Bedankt voor je antwoorden' }).waitFor();
    await assertAxe(phone, 'thanks');

    // The link works once.
    const again = await phone.goto(path);
    assert.equal(again.status(), 409);
    await b.close();

    // The owner sees one answer, no figures yet; the closed round's
    // results are charts with a title and a table beside each.
    await owner.goto(`${programme}/rondes/2`);
    await owner.getByText('1 van 1 beantwoord').first().waitFor();
    await owner.goto(`${programme}/rondes/1/resultaten`);
    await assertAxe(owner, 'results');
    assert.equal(await owner.locator('svg[role=img] > title').count(), 8, 'a titled chart per behaviour');
    assert.equal(await owner.locator('table.vo-figure-table caption').count(), 8, 'a table per behaviour');
    assert.ok(await owner.locator('table.vo-figure-table td', { hasText: /^Vooruit$/ }).count() > 0, 'a change called progress');
    await a.close();
  });
  return pages;
}
