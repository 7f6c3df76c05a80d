// The podcast and videos as apps, listeners and viewers meet them: the
// podcast feed read by the Podcast Index's own parser (podcast-partytime),
// checked against the API; an episode page with its player, chapters and
// transcript, without JavaScript too; a video on YouTube that makes no
// request to YouTube before the visitor asks for it. (axe and the HTML
// checker see these pages in the crawl; the loaded player's page here.)

import assert from 'node:assert/strict';
import { parseFeed } from 'podcast-partytime';
import { newContext, axe, describeViolations } from './lib.mjs';

export async function media({ browser, base, check }) {
  await check('podcast: the Podcast Index parser reads every episode, its GUID, duration, transcript and chapters', async () => {
    const xml = await (await fetch(`${base}/podcast/feed.xml`)).text();
    const feed = parseFeed(xml);
    assert.ok(feed, 'partytime parsed the feed');
    const api = await (await fetch(`${base}/api/v1/episodes`)).json();
    assert.ok(api.total >= 1, 'the demo has episodes');
    assert.equal(feed.items.length, api.total);
    // The podcast's own GUID: a UUID v5 (Podcasting 2.0).
    assert.match(feed.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(feed.itunesType, 'episodic');
    assert.ok(feed.owner?.email, 'an owner apps can write to');
    assert.match(feed.itunesImage, /\/podcast\/omslag\.(png|jpg)$/);
    for (const e of api.items) {
      const item = feed.items.find((i) => i.guid === e.guid);
      assert.ok(item, `${e.slug} in the feed by its GUID`);
      assert.equal(item.title, e.title);
      assert.equal(item.duration, e.duration, `${e.slug}: duration`);
      assert.equal(item.enclosure.url, e.audio_url);
      assert.equal(item.enclosure.type, e.audio_type);
      assert.equal(item.enclosure.length, e.audio_size);
      assert.deepEqual(item.podcastTranscripts.map((t) => [t.url, t.type]), [[e.transcript_url, e.transcript_type]]);
      if (e.chapters.length) {
        assert.equal(item.podcastChapters.type, 'application/json+chapters');
        const chapters = await (await fetch(item.podcastChapters.url)).json();
        assert.deepEqual(chapters.chapters.map((c) => c.startTime), e.chapters.map((c) => c.start));
      }
      const transcript = await fetch(e.transcript_url);
      assert.equal(transcript.status, 200);
      assert.ok(transcript.headers.get('content-type').startsWith(e.transcript_type));
      // The audio answers a range request as players make them.
      const part = await fetch(e.audio_url, { headers: { Range: 'bytes=0-1' } });
      assert.equal(part.status, 206);
      assert.equal((await part.arrayBuffer()).byteLength, 2);
    }
  });

  for (const javaScript of [true, false]) {
    await check(`podcast: an episode page has the player, chapters and the whole transcript (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const ctx = await newContext(browser, base, { javaScript });
      const page = await ctx.newPage();
      await page.goto('/podcast');
      await page.getByRole('link', { name: 'De wijkapp die niemand opende' }).click();
      const audio = page.locator('audio[controls]');
      assert.equal(await audio.count(), 1);
      assert.match(await audio.getAttribute('src'), /\/audio\.mp3$/);
      assert.ok(await page.getByRole('heading', { name: 'Hoofdstukken' }).isVisible());
      assert.ok(await page.getByText('Wat het team leerde').isVisible());
      assert.ok(await page.getByRole('heading', { name: 'Uitgeschreven tekst' }).isVisible());
      assert.ok(await page.getByText('begin bij de mensen, niet bij het middel').isVisible());
      await ctx.close();
    });
  }

  for (const javaScript of [true, false]) {
    await check(`video: a YouTube video fetches nothing from YouTube until the visitor loads it (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const ctx = await newContext(browser, base, { javaScript });
      const origin = new URL(base).origin;
      const elsewhere = [];
      // Every request that leaves the site is recorded; the player's own
      // page is answered here (the suite has no internet).
      await ctx.route((url) => url.origin !== origin, (route) => {
        elsewhere.push(route.request().url());
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html lang="en"><head><title>Player</title></head><body><p>Player</p></body></html>' });
      });
      const page = await ctx.newPage();
      await page.goto('/video');
      await page.getByRole('link', { name: 'Drie minuten over de leerkring' }).click();
      await page.waitForLoadState('networkidle');
      assert.ok(await page.getByText('Deze video staat op YouTube').isVisible());
      assert.equal(await page.locator('iframe').count(), 0);
      assert.deepEqual(elsewhere, [], 'no request to another site before the click');
      const csp = (await (await ctx.request.get(page.url())).headers())['content-security-policy'];
      assert.ok(!csp.includes('frame-src'), csp);
      await page.getByRole('link', { name: 'Video laden van YouTube' }).click();
      await page.waitForLoadState('networkidle');
      const frame = page.locator('iframe');
      assert.equal(await frame.count(), 1);
      assert.match(await frame.getAttribute('src'), /^https:\/\/www\.youtube-nocookie\.com\/embed\//);
      assert.ok(elsewhere.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/')), `after the click: ${elsewhere}`);
      assert.ok(elsewhere.every((u) => u.startsWith('https://www.youtube-nocookie.com/')), `only the player: ${elsewhere}`);
      // axe runs in the page: only where scripts may run.
      const v = javaScript ? await axe(page) : [];
      await ctx.close();
      assert.equal(v.length, 0, describeViolations(page.url(), 'loaded player', v));
    });
  }
}
