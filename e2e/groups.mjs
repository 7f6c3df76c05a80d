// A terugblik and a dilemma session live in the room: two members in two
// browsers on one page. New cards, positions, the reveal and votes reach
// the other browser without a reload (server-sent events), while hidden
// cards and positions stay out of the other browser's page. Without
// JavaScript the same pages work by reloading.

import assert from 'node:assert/strict';
import { newContext, login, mailLink, assertAxe, focused, tabTo, EDITOR } from './lib.mjs';

const GROUP = '/groepen/leerkring-wijkteams';
const COLLEAGUE = 'e2e.collega@voorbeeldstad.nl';

/** Marks the page, to tell later that it was not reloaded. */
async function mark(page) {
  await page.evaluate(() => { window.__notReloaded = true; });
}

async function stillMarked(page) {
  return page.evaluate(() => window.__notReloaded === true);
}

export async function groups({ browser, base, check, outbox }) {
  await check('terugblik: two browsers on one page; cards, the reveal and votes arrive without reloading; keyboard alone; without JavaScript', async () => {
    // The facilitator (the demo editor) invites a colleague, who makes an
    // account through the mail.
    const a = await newContext(browser, base);
    const lead = await a.newPage();
    await login(lead, EDITOR);
    await lead.goto(GROUP);
    await lead.locator('#veld-emails').fill(COLLEAGUE);
    await lead.locator('form[action$="/uitnodigen"] button[type=submit]').click();
    await lead.waitForLoadState();
    const link = await mailLink(outbox, COLLEAGUE, `${base}/groep-uitnodiging/`);
    const b = await newContext(browser, base);
    const member = await b.newPage();
    await member.goto(link.slice(base.length));
    await member.locator('#veld-name').fill('Collega uit de browser');
    await member.locator('#veld-password').fill('een lang genoeg wachtwoord');
    await member.locator('main form button[type=submit]').click();
    await member.waitForLoadState();
    assert.ok(member.url().includes(GROUP), `joined: ${member.url()}`);

    // The facilitator opens a terugblik; both are on its page.
    await lead.goto(GROUP);
    await lead.locator('#veld-retro_title').fill('Terugblik in twee browsers');
    await lead.locator('form[action$="/terugblikken"] button[type=submit]').click();
    await lead.waitForLoadState();
    const retro = new URL(lead.url()).pathname;
    assert.match(retro, /\/terugblikken\/[0-9a-f]+$/);
    await assertAxe(lead, 'terugblik, cards being written');
    await lead.locator('#kaart-goed').fill('Kaart van de begeleider');
    await lead.locator('form:has(#kaart-goed) button[type=submit]').click();
    await lead.waitForLoadState();
    await member.goto(retro);
    assert.equal(await member.getByText('Kaart van de begeleider').count(), 0, 'a hidden card reached the other browser');
    await mark(lead);
    await mark(member);

    // The member writes a card, with the keyboard alone: the facilitator's
    // count moves, live, and the card itself stays hidden from her.
    await tabTo(member, '#kaart-beter');
    await member.keyboard.type('Kaart uit de tweede browser');
    await tabTo(member, 'form:has(#kaart-beter) button[type=submit]');
    assert.ok((await focused(member)).indicator, 'the focused button shows a focus indicator');
    await member.keyboard.press('Enter');
    await member.waitForURL(/melding=kaart/);
    await lead.locator('#kaarten-beter').getByText('1 kaart geschreven').first().waitFor({ timeout: 8000 });
    assert.ok(await stillMarked(lead), 'the facilitator\'s page was reloaded');
    assert.equal(await lead.getByText('Kaart uit de tweede browser').count(), 0, 'a hidden card reached the facilitator');

    // The reveal: the member's page turns over by itself.
    await mark(member);
    await lead.locator(`form[action="${retro}/onthullen"] button`).click();
    await lead.waitForLoadState();
    await member.locator('.vo-retro-card__text', { hasText: 'Kaart van de begeleider' }).first().waitFor({ timeout: 8000 });

    // A vote from the member: the facilitator's count moves, live.
    await mark(lead);
    const card = member.locator('.vo-retro-card', { hasText: 'Kaart van de begeleider' }).first();
    const action = await card.locator('form[action$="/stem"]').getAttribute('action');
    await tabTo(member, `form[action="${action}"] button`);
    await member.keyboard.press('Enter');
    await member.waitForURL(/melding=gestemd/);
    await lead.locator('.vo-retro-card', { hasText: 'Kaart van de begeleider' }).locator('.vo-retro-card__meta', { hasText: '1 stem' }).first().waitFor({ timeout: 8000 });
    assert.ok(await stillMarked(lead), 'the facilitator\'s page was reloaded');
    await assertAxe(lead, 'terugblik, discussing');
    await a.close();
    await b.close();

    // Without JavaScript: a vote is a form, and the page shows it.
    const c = await newContext(browser, base, { javaScript: false });
    const plain = await c.newPage();
    await login(plain, EDITOR);
    await plain.goto(retro);
    await plain.locator('.vo-retro-card', { hasText: 'Kaart uit de tweede browser' }).locator('form[action$="/stem"] button').click();
    await plain.waitForLoadState();
    await plain.locator('.vo-retro-card', { hasText: 'Kaart uit de tweede browser' }).locator('.vo-retro-card__meta', { hasText: '1 stem' }).first().waitFor();
    await c.close();
  });

  await check('dilemma: positions hidden until the reveal, live in a second browser; keyboard alone; without JavaScript', async () => {
    // The facilitator opens a dilemma; the colleague who joined in the
    // check above chooses in a second browser.
    const a = await newContext(browser, base);
    const lead = await a.newPage();
    await login(lead, EDITOR);
    await lead.goto(`${GROUP}/dilemmas`);
    await lead.locator('#veld-title').fill('Dilemma in twee browsers');
    await lead.locator('#veld-situation').fill('Een bewoner vraagt om hulp bij iets dat niet bij onze taak hoort.');
    await lead.locator('#veld-perspectives').fill('Menselijkheid\nRegels');
    await lead.locator('form[method=post][action$="/dilemmas"] button[type=submit]').click();
    await lead.waitForLoadState();
    const dilemma = new URL(lead.url()).pathname;
    assert.match(dilemma, /\/dilemmas\/[0-9a-f]+$/);
    await assertAxe(lead, 'dilemma, members choose');
    const b = await newContext(browser, base);
    const member = await b.newPage();
    await login(member, { email: COLLEAGUE, password: 'een lang genoeg wachtwoord' });
    await member.goto(dilemma);
    await mark(lead);

    // The member chooses with the keyboard alone; the facilitator's count
    // moves, live, and the reason stays hidden from her.
    await tabTo(member, 'input[name=perspective]');
    await member.keyboard.press('Space');
    await tabTo(member, '#veld-reason');
    await member.keyboard.type('Reden uit de tweede browser');
    await tabTo(member, 'form[action$="/positie"] button[type=submit]');
    assert.ok((await focused(member)).indicator, 'the focused button shows a focus indicator');
    await member.keyboard.press('Enter');
    await member.waitForURL(/melding=gekozen/);
    await lead.locator('#dilemma-teller', { hasText: '1 van de' }).waitFor({ timeout: 8000 });
    assert.ok(await stillMarked(lead), 'the facilitator\'s page was reloaded');
    assert.equal(await lead.getByText('Reden uit de tweede browser').count(), 0, 'a hidden position reached the facilitator');

    // The reveal: the member's page turns over by itself.
    await lead.locator(`form[action="${dilemma}/onthullen"] button`).click();
    await lead.waitForLoadState();
    await member.locator('.vo-dilemma-side', { hasText: 'Reden uit de tweede browser' }).first().waitFor({ timeout: 8000 });
    await assertAxe(member, 'dilemma, revealed');
    await a.close();
    await b.close();

    // Without JavaScript: the outcome is a form, and the page shows it.
    const c = await newContext(browser, base, { javaScript: false });
    const plain = await c.newPage();
    await login(plain, EDITOR);
    await plain.goto(dilemma);
    await plain.locator('#veld-outcome').fill('We helpen deze keer, en bespreken de grens in het team.');
    const ahead = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await plain.locator('#veld-follow_up_on').fill(ahead);
    await plain.locator('form[action$="/uitkomst"] button[type=submit]').click();
    await plain.waitForLoadState();
    await plain.getByText('We helpen deze keer, en bespreken de grens in het team.').first().waitFor();
    await c.close();
  });
}
