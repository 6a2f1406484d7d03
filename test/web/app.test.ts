// The web app in a real headless Chromium over a store built from examples/: each view is
// opened, clicked and filtered as an analyst would, a span is followed to its source, and no
// markup or script from an article reaches the page. Saves a screenshot of each view.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserMissing, HOSTILE, launchBrowser, mustRun, SCREENSHOTS, startSite, type Site } from './harness.ts';

const missing = browserMissing();
if (missing && mustRun) test('browser tests need Chromium and the built app (CI=true)', () => assert.fail(missing));
if (missing && !mustRun) process.stdout.write(`# web tests skipped: ${missing}\n`);

describe('web app', { skip: missing ? `skipped: ${missing}` : false, timeout: 600_000 }, () => {
  let site: Site;
  let browser: { context: BrowserContext; close(): Promise<void> };
  const problems: string[] = [];

  before(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
    // Any script an article smuggled in, any blocked attempt and any page error is a failure.
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => { ((window as any).__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`); });
    });
  }, { timeout: 300_000 });
  after(async () => { await browser?.close(); await site?.close(); });

  async function open(hash: string, width = 1280, height = 800): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.goto(`${site.url}/${hash}`);
    return page;
  }

  async function clean(page: Page): Promise<void> {
    const state = await page.evaluate(() => ({ pwned: (window as any).__pwned, violations: (window as any).__violations ?? [] }));
    assert.equal(state.pwned, undefined, 'no script from a document ran');
    assert.deepEqual(state.violations, [], 'no markup tried to load or run anything');
    assert.deepEqual(problems, []);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

  test('overview: the store figures, documents and storylines, each leading on', async () => {
    const page = await open('#/');
    await page.getByTestId('figures').waitFor();
    assert.match(await page.getByTestId('figures').innerText(), /9\s+documents/);
    assert.ok(await page.getByRole('link', { name: 'Lithuania and Belarus hold border talks as transit dispute drags on' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'compare outlets' }).first().isVisible());
    await shot(page, 'overview');
    await page.getByRole('link', { name: 'Lithuania and Belarus hold border talks as transit dispute drags on' }).click();
    await page.waitForURL(/#\/reader\//);
    await page.getByTestId('body').waitFor();
    await clean(page);
    await page.close();
  });

  test('reader: layers toggle, and selecting a span shows what sitrep made of it', async () => {
    const page = await open('#/');
    await page.getByRole('link', { name: 'Lithuania and Belarus hold border talks as transit dispute drags on' }).click();
    const body = page.getByTestId('body');
    await body.waitFor();
    assert.ok(await body.locator('.hl.l-actors').count() > 0, 'actor mentions are highlighted');
    await page.getByRole('checkbox', { name: 'Actors' }).uncheck();
    assert.equal(await body.locator('.hl.l-actors').count(), 0, 'the actors layer is off');
    assert.match(page.url(), /layers=/, 'the layers are in the URL');
    await page.getByRole('checkbox', { name: 'Actors' }).check();
    assert.ok(await body.locator('.hl.l-actors').count() > 0);
    // The event 'met': its trigger selected by keyboard, then described.
    const met = body.locator('[data-keys~="event:b42adcae9d8f6131:e1"]').first();
    await met.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('selection');
    await panel.waitFor();
    const text = await panel.innerText();
    assert.match(text, /CONSULT/);
    assert.match(text, /reported/);
    assert.match(text, /pattern:consult\/meet/, 'the rule that fired');
    assert.match(text, /Lithuania/);
    assert.match(text, /2024-03-13/, 'the resolved time');
    assert.match(page.url(), /sel=event%3Ab42adcae9d8f6131%3Ae1|sel=event:b42adcae9d8f6131:e1/);
    assert.equal(await body.locator('.hl.selected').first().innerText(), 'met');
    // A mention: actor, code and rule.
    await body.locator('.hl.l-actors').first().click();
    assert.match(await panel.innerText(), /Code[\s\S]*LTU/);
    assert.ok(await page.getByText('dropped by ingest').isVisible(), 'the dropped title is listed');
    await met.click();
    await shot(page, 'reader');
    await clean(page);
    await page.close();
  });

  test('network: filters, an edge lists its events, and an event leads to its span in the document', async () => {
    const page = await open('#/network');
    const svg = page.getByTestId('network');
    await svg.waitFor();
    assert.ok(await svg.locator('.node').count() >= 5);
    const allEdges = await svg.locator('.edge').count();
    // An edge picked with the mouse lists its events with their sentences.
    await svg.locator('[data-edge="state:BLR,state:LTU"]').click();
    await page.waitForURL(/edge=/);
    const events = page.getByTestId('edge-events');
    await events.locator('li').first().waitFor();
    assert.match(await events.innerText(), /expelled a Belarusian diplomat/);
    await shot(page, 'network');
    // Filters narrow the network and stay in the URL.
    await page.getByLabel('Modality').selectOption('hypothetical');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/modality=hypothetical/);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=network] .edge').length < n, allEdges);
    await page.goto(`${site.url}/#/network?modality=asserted&type=CONSULT`);
    await page.waitForFunction(() => document.querySelector('[data-edge="state:BLR,state:LTU"]') && !document.querySelector('[data-testid=edge-events]'));
    assert.equal(await page.getByLabel('Event type').inputValue(), 'CONSULT', 'the form shows the filters of the URL');
    // The keyboard picks an edge too; its event leads to the span it was read from.
    const edge = svg.locator('[data-edge="state:BLR,state:LTU"]');
    await edge.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/edge=/);
    await events.locator('li').first().waitFor();
    assert.equal(await events.locator('li').count(), 1, 'only the asserted consultation');
    const first = events.locator('li').first();
    assert.match(await first.innerText(), /CONSULT/);
    const sentence = await first.locator('.sentence').innerText();
    assert.match(sentence, /Belarusian border officials met in Vilnius/);
    await first.getByRole('link', { name: /Show in document/ }).click();
    await page.waitForURL(/#\/reader\/.*sel=/);
    const selected = page.locator('.body .hl.selected').first();
    await selected.waitFor();
    const span = await selected.innerText();
    assert.ok(sentence.includes(span), `the selected span "${span}" is in the event's sentence`);
    assert.match(await page.getByTestId('selection').innerText(), /CONSULT/);
    await clean(page);
    await page.close();
  });

  test('timeline: storylines as bands, loose dates as intervals, non-asserted events apart', async () => {
    const page = await open('#/timeline');
    const svg = page.getByTestId('timeline');
    await svg.waitFor();
    assert.ok(await svg.locator('.band').count() >= 2);
    assert.ok(await svg.locator('rect.mark').count() >= 1, 'loose dates are drawn as intervals');
    const other = svg.locator('.mark:not(.mod-asserted)').first();
    assert.ok(await other.count(), 'the examples have events not asserted');
    // In every band, each event not asserted sits below every asserted one.
    // (no named functions in the page: tsx would wrap them in a helper the page lacks)
    const lanes = await svg.locator('.band').evaluateAll((bands) => bands.map((b) => ({
      asserted: [...b.querySelectorAll('.mark.mod-asserted')].map((el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
      other: [...b.querySelectorAll('.mark:not(.mod-asserted)')].map((el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
    })));
    assert.ok(lanes.some((l) => l.asserted.length && l.other.length), 'some band has both');
    for (const l of lanes) for (const y of l.other) assert.ok(l.asserted.every((a) => a < y), 'not asserted: in the lower lane');
    await other.click();
    await page.waitForURL(/event=/);
    assert.match(await page.locator('aside.panel').innerText(), /hypothetical|predicted|recommended|not to happen/);
    await shot(page, 'timeline');
    // A time window narrows it to the storylines with events in it.
    const before = await svg.locator('.mark').count();
    await page.getByRole('textbox', { name: 'From' }).fill('2024');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/since=2024/);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline] .mark').length < n, before);
    const ends = await svg.locator('.mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-end') ?? ''));
    assert.ok(ends.length > 0);
    for (const end of ends) assert.ok(end >= '2024-01-01', `${end} ends in the window`);
    await clean(page);
    await page.close();
  });

  test('dyad: Goldstein series and counts, with the events behind a point', async () => {
    const page = await open('#/dyad/Lithuania/Belarus');
    const chart = page.getByTestId('dyad-chart');
    await chart.waitFor();
    assert.match(await page.locator('h1').innerText(), /Lithuania and Belarus/);
    const point = chart.locator('.point').first();
    await point.click();
    await page.waitForURL(/period=/);
    const events = page.getByTestId('dyad-events');
    await events.locator('li').first().waitFor();
    assert.match(await events.innerText(), /Belarus/);
    await shot(page, 'dyad');
    await clean(page);
    await page.close();
  });

  test('compare: one storyline by two outlets side by side', async () => {
    const page = await open('#/');
    await page.getByRole('link', { name: 'compare outlets' }).first().waitFor();
    await page.goto(`${site.url}/#/compare/${encodeURIComponent('story:321098942707edc1:e1')}`);
    const columns = page.getByTestId('outlet-column');
    await columns.first().waitFor();
    assert.equal(await columns.count(), 2);
    const names = await columns.locator('h2').allInnerTexts();
    assert.deepEqual(names, ['Northern Security Review', 'Strategic Notes']);
    for (const share of await page.getByTestId('sourced-share').allInnerTexts()) assert.match(share, /\d+%/);
    assert.ok(await columns.first().locator('.event').count() >= 1);
    assert.match(await page.locator('section[aria-labelledby=cmp-summary]').innerText(), /In contrast/);
    await shot(page, 'compare');
    await clean(page);
    await page.close();
  });

  test('actor page: roles, memberships, deeds, words and counterparts', async () => {
    const page = await open('#/actor/state%3ALTU');
    await page.locator('h1', { hasText: 'Lithuania' }).waitFor();
    assert.match(await page.locator('#a-roles').locator('..').innerText(), /member of/);
    const relations = page.locator('section[aria-labelledby=a-relations]');
    await relations.getByRole('link', { name: 'Belarus', exact: true }).waitFor();
    await page.locator('section[aria-labelledby=a-events] .event').first().waitFor();
    await shot(page, 'actor');
    await relations.getByRole('link', { name: /dyad view of Lithuania and Belarus/ }).click();
    await page.waitForURL(/#\/dyad\//);
    await page.getByTestId('dyad-chart').waitFor();
    await clean(page);
    await page.close();
  });

  test('search: from the header, across documents, quotes and actors; a quote opens at its span', async () => {
    const page = await open('#/');
    await page.getByRole('searchbox', { name: 'Search documents, quotes and actors' }).fill('border');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=border/);
    await page.getByTestId('hits-quote').waitFor();
    assert.ok(await page.getByTestId('hits-document').locator('li').count() >= 1);
    await shot(page, 'search');
    const quote = page.getByTestId('hits-quote').locator('li').first();
    const words = (await quote.locator('mark').first().innerText()).toLowerCase();
    assert.equal(words, 'border');
    await quote.getByRole('link').click();
    await page.waitForURL(/#\/reader\/.*sel=quote/);
    const selection = page.getByTestId('selection');
    await selection.waitFor();
    assert.match((await selection.innerText()).toLowerCase(), /border/);
    await clean(page);
    await page.close();
  });

  test('hostile documents: markup in bodies, titles, quotes and actor names shows as text and never runs', async () => {
    // The real pipeline's reading of a text full of tags.
    let page = await open(`#/reader/${site.hostileDoc}`);
    const body = page.getByTestId('body');
    await body.waitFor();
    const text = await body.innerText();
    assert.ok(text.includes(HOSTILE.script), 'the <script> shows literally');
    assert.ok(text.includes(HOSTILE.img), 'the onerror attribute shows literally');
    assert.equal(await page.locator('main script, main img, main iframe').count(), 0);
    await clean(page);
    await page.close();
    // A crafted record: title, actor name and quote are markup.
    page = await open(`#/reader/${site.craftedDoc}?sel=quote:0`);
    await page.getByTestId('selection').waitFor();
    assert.equal(await page.locator('h1').innerText(), HOSTILE.title);
    assert.ok((await page.getByTestId('selection').innerText()).includes(HOSTILE.quote));
    assert.equal(await page.locator('main script, main img, main iframe, main svg b, main em, main b').count(), 0);
    await clean(page);
    await page.goto(`${site.url}/#/actor/${encodeURIComponent('new:person:mallory')}`);
    await page.locator('h1').waitFor();
    assert.equal(await page.locator('h1').innerText(), HOSTILE.actor);
    await page.goto(`${site.url}/#/network`);
    await page.getByTestId('network').waitFor();
    assert.ok((await page.getByTestId('network').locator('.node title').allTextContents()).includes(HOSTILE.actor), 'the node label is the name as text');
    await page.goto(`${site.url}/#/search?q=Mallory`);
    await page.getByTestId('hits-actor').waitFor();
    assert.ok((await page.getByTestId('hits-actor').innerText()).includes('<b>Colonel Mallory</b>'));
    assert.equal(await page.locator('main img, main iframe, main b').count(), 0);
    await clean(page);
    await page.close();
  });

  test('tablet width: no view scrolls sideways', async () => {
    for (const hash of ['#/', `#/reader/${site.hostileDoc}`, '#/network', '#/timeline', '#/compare/story%3A321098942707edc1%3Ae1']) {
      const page = await open(hash, 768, 1024);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} is ${overflow}px wider than a tablet`);
      await page.close();
    }
  });
});
