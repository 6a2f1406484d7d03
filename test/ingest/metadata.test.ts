import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText } from '../../src/ingest/index.ts';
import { findDate, normalizeDate } from '../../src/ingest/dates.ts';
import { parseByline, parseDateline } from '../../src/ingest/meta-lines.ts';
import { splitFrontMatter } from '../../src/ingest/front-matter.ts';

const P1 = 'Officials in the capital confirmed that the two delegations had met at the border crossing on Monday, their first meeting in more than a year.';
const P2 = 'Neither government published the agenda, but diplomats said the talks covered transit fees, fishing rights and the release of detained sailors.';

test('dates written the usual ways come out as YYYY-MM-DD', () => {
  assert.equal(findDate('June 01, 2018')?.iso, '2018-06-01');
  assert.equal(findDate('posted 1 June 2018')?.iso, '2018-06-01');
  assert.equal(findDate('Sept. 3rd, 2020')?.iso, '2020-09-03');
  assert.equal(findDate('Tuesday, 14 March 2023')?.iso, '2023-03-14');
  assert.equal(findDate('2018-06-01')?.iso, '2018-06-01');
  assert.equal(findDate('Published 03.04.2020')?.iso, '2020-04-03');
  assert.equal(findDate('February 30, 2021'), undefined);
  assert.equal(normalizeDate('2019-11-05T23:10:00-05:00'), '2019-11-05');
  assert.equal(normalizeDate('Fri, 01 Jun 2018 10:00:00 GMT'), '2018-06-01');
  assert.equal(normalizeDate('not a date'), undefined);
});

test('bylines give the author, with or without a link or a date', () => {
  assert.deepEqual(parseByline('By Jane Q. Doe'), { author: 'Jane Q. Doe' });
  assert.deepEqual(parseByline('By Anna van der Berg and Omar al-Rashid'), { author: 'Anna van der Berg and Omar al-Rashid' });
  assert.deepEqual(parseByline('By Lena Fischer | March 2, 2022'), { author: 'Lena Fischer', published: '2022-03-02' });
  assert.deepEqual(parseByline('By Jane Doe, Senior Fellow at the Harbour Institute'), { author: 'Jane Doe' });
  assert.deepEqual(parseByline('Written by: Tove Lund'), { author: 'Tove Lund' });
  assert.deepEqual(parseByline('Author: Tove Lund'), { author: 'Tove Lund' });
  assert.equal(parseByline('By contrast, the navy stayed in port.'), undefined);
  assert.equal(parseByline('By Monday the convoy had left the city and the roads were open again'), undefined);
});

test('datelines give the date and, before it, the outlet', () => {
  assert.deepEqual(parseDateline('Northern Review, March 05, 2019'), { published: '2019-03-05', outlet: 'Northern Review' });
  assert.deepEqual(parseDateline('5 March 2019'), { published: '2019-03-05' });
  assert.deepEqual(parseDateline('Published: 2019-03-05 14:30 UTC'), { published: '2019-03-05' });
  assert.deepEqual(parseDateline('RIGA, March 5, 2019'), { published: '2019-03-05' });
  // a place the knowledge base knows is where the story was filed, not who published it
  assert.deepEqual(parseDateline('Vilnius, 5 March 2019'), { published: '2019-03-05' });
  assert.deepEqual(parseDateline('Brest, Belarus, 5 March 2019'), { published: '2019-03-05' });
  assert.deepEqual(parseDateline('Baltic Times, 5 March 2019'), { published: '2019-03-05', outlet: 'Baltic Times' });
  assert.deepEqual(parseDateline('Posted on March 5, 2019 by Ivo Petrov'), { published: '2019-03-05', author: 'Ivo Petrov' });
  assert.deepEqual(parseDateline('2019-03-05T09:30:00+02:00'), { published: '2019-03-05' });
  assert.deepEqual(parseDateline('Updated: March 5, 2019 10:45:12 AM EST'), { published: '2019-03-05', updated: true });
  assert.equal(parseDateline('The talks of March 5, 2019 ended without a deal.'), undefined);
});

test('byline, dateline, region, theme, caption and tags lines leave the body for meta', () => {
  const md = `# Delegations meet at the border\n\nBy [Tomas Novak](#)\n\nEastern Monitor, 12 April 2021\n\nRegion: [Baltic states](#)\n\nTheme: Diplomacy\n\n*Photo: A border post at dawn. (Agency)*\n\n${P1}\n\n${P2}\n\nTags: borders, talks`;
  const doc = ingestText(md, 'x.md');
  assert.deepEqual(doc.meta, { title: 'Delegations meet at the border', author: 'Tomas Novak', published: '2021-04-12', outlet: 'Eastern Monitor' });
  assert.equal(doc.body, `${P1}\n\n${P2}`);
  assert.deepEqual(doc.dropped.map((d) => d.reason), ['title', 'byline', 'dateline', 'region', 'theme', 'caption', 'tags']);
});

test('plain text: a short first line before a blank line is the title', () => {
  const doc = ingestText(`Talks resume at the border\n\n${P1}\n\n${P2}`, 'x.txt');
  assert.equal(doc.meta.title, 'Talks resume at the border');
  assert.equal(doc.body, `${P1}\n\n${P2}`);
});

test('plain text: a first line that is a sentence is not a title', () => {
  const doc = ingestText(`${P1}\n\n${P2}`, 'x.txt');
  assert.equal(doc.meta.title, undefined);
  assert.equal(doc.body, `${P1}\n\n${P2}`);
});

test('no date in the text means no published date', () => {
  const doc = ingestText(`Talks resume\n\n${P1}\n\n${P2}`, 'x.txt');
  assert.equal(doc.meta.published, undefined);
  assert.ok(!('published' in doc.meta));
});

test('front matter gives metadata and is not in the body', () => {
  const md = `---\ntitle: "Ports reopen"\nauthor: [Ana Lima, Ben Ode]\ndate: 2020-07-09\nsource: Harbour Times\nurl: https://example.org/ports\n---\n\n${P1}`;
  const { meta, body } = splitFrontMatter(md);
  assert.deepEqual(meta, { title: 'Ports reopen', outlet: 'Harbour Times', author: 'Ana Lima, Ben Ode', url: 'https://example.org/ports', published: '2020-07-09' });
  assert.equal(body.trim(), P1);
  const doc = ingestText(md, 'x.md');
  assert.equal(doc.body, P1);
  assert.equal(doc.meta.title, 'Ports reopen');
});

test('metadata given by the caller wins over what the text says', () => {
  const doc = ingestText(`# Text title\n\n${P1}`, 'x.md', { meta: { title: 'Caller title', published: '2024-01-02' } });
  assert.equal(doc.meta.title, 'Caller title');
  assert.equal(doc.meta.published, '2024-01-02');
  assert.equal(doc.body, `Text title\n\n${P1}`);
});

test('a header line of several parts: published, updated, reading time', () => {
  const doc = ingestText(`Headline here\n\nPublished: 4 May 2020 | Updated: 6 May 2020 | 3 min read\n\n${P1}\n\n${P2}`, 'x.txt');
  assert.equal(doc.meta.published, '2020-05-04');
  assert.equal(doc.body, `${P1}\n\n${P2}`);
});

test('soft hyphens and zero-width spaces go; accents are composed', () => {
  const doc = ingestText(`${P1}\n\nThe minis\u00ADter met Lukas\u200Bhenka in Bre\u0301st.`, 'x.txt');
  assert.match(doc.body, /The minister met Lukashenka in Brést\.$/);
});

test('an "Updated:" date is the publication date only when no other date is given', () => {
  const a = ingestText(`Headline here\n\nUpdated: 9 May 2020\n\nPublished: 4 May 2020\n\n${P1}`, 'x.txt');
  assert.equal(a.meta.published, '2020-05-04');
  const b = ingestText(`Headline here\n\nUpdated: 9 May 2020\n\n${P1}`, 'x.txt');
  assert.equal(b.meta.published, '2020-05-09');
  assert.equal(b.body, P1);
});
