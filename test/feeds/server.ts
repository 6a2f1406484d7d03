// A loopback HTTP server for the feed tests: feeds in every format, an OPML list, a malformed
// feed, article pages (one that fails with 500), validators and 304s, and a log of each request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest { path: string; at: number; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }

const ARTICLES: Record<string, { title: string; paragraphs: string[] }> = {
  '1': { title: 'Lithuania closes two border crossings with Belarus', paragraphs: [
    'Lithuania closed two of its six border crossings with Belarus on Monday, the interior ministry said, citing a rise in smuggling attempts over the summer.',
    'The ministry said the remaining crossings would stay open for freight and for travellers with valid visas, and that the measure would be reviewed in three months.',
    'Belarus called the decision unfriendly and said it would harm families living on both sides of the border.'] },
  '2': { title: 'Japan and Australia sign a defence logistics pact', paragraphs: [
    'Japan and Australia signed an agreement in Tokyo on Tuesday that allows their armed forces to share fuel, parts and repair yards during joint exercises.',
    'The defence ministers said the pact would make it easier for ships and aircraft of both countries to operate far from home for longer periods.',
    'Officials said the first exercise under the agreement would take place in northern Australia next spring.'] },
  '3': { title: 'Poland summons the Russian ambassador over drone incursion', paragraphs: [
    'Poland summoned the Russian ambassador on Wednesday after a drone crossed into its airspace during an overnight attack on western Ukraine, the foreign ministry said.',
    'The ministry said the drone flew about ten kilometres into Polish territory before leaving, and that radar had tracked it for several minutes.',
    'Russia denied that any of its drones had entered Polish airspace and accused Warsaw of inventing the incident.'] },
  '4': { title: 'Estonia expands its reserve training programme', paragraphs: [
    'Estonia will call up twice as many reservists for training next year as this year, the defence forces commander told parliament on Thursday.',
    'The commander said the larger call-up would cost about forty million euros and would focus on air defence and artillery units.',
    'Opposition lawmakers questioned whether employers had been consulted about releasing staff for the longer exercises.'] },
  '5': { title: 'Finland and Sweden hold joint naval drills in the Baltic', paragraphs: [
    'Finnish and Swedish warships began a week of joint drills in the northern Baltic Sea on Friday, the Finnish navy said.',
    'About twenty vessels and two thousand sailors are taking part in the exercise, which practises mine clearance and the protection of undersea cables.',
    'The navy said the drills had been planned long in advance and were not a response to any particular event.'] },
};

export function articlePage(id: string): string {
  const a = ARTICLES[id];
  return `<!doctype html><html><head><meta charset="utf-8"><title>${a.title} | Baltic Wire</title>
<meta property="og:site_name" content="Baltic Wire"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright Baltic Wire. All rights reserved.</footer></body></html>`;
}

export const ARTICLE_TITLES = Object.fromEntries(Object.entries(ARTICLES).map(([id, a]) => [id, a.title]));

function feeds(base: string): Record<string, { type: string; body: string; etag?: string; lastModified?: string }> {
  return {
    '/rss.xml': { type: 'application/rss+xml', etag: '"rss-v1"', body: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Baltic Wire</title><link>${base}/</link><description>News</description>
<item><title>${ARTICLES['2'].title}</title><link>${base}/news/2.html</link><guid>${base}/news/2.html</guid><pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate></item>
<item><title>${ARTICLES['1'].title}</title><link>/news/1.html</link><guid isPermaLink="false">wire-1</guid><pubDate>Mon, 02 Dec 2024 09:00:00 GMT</pubDate></item>
</channel></rss>` },
    '/atom.xml': { type: 'application/atom+xml', lastModified: 'Wed, 04 Dec 2024 12:00:00 GMT', body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastern Flank Daily</title><id>urn:efd</id><updated>2024-12-04T12:00:00Z</updated>
<entry><id>urn:efd:3</id><title>${ARTICLES['3'].title}</title><updated>2024-12-04T12:00:00Z</updated><published>2024-12-04T11:00:00Z</published>
<link rel="alternate" type="text/html" href="${base}/news/3.html"/><author><name>A. Nowak</name></author></entry></feed>` },
    '/feed.json': { type: 'application/feed+json', body: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'Nordic Security Notes', home_page_url: `${base}/`,
      items: [
        { id: 'nsn-4', url: `${base}/news/4.html`, title: ARTICLES['4'].title, date_published: '2024-12-05T08:00:00Z' },
        { id: 'nsn-broken', url: `${base}/news/broken.html`, title: 'A page that fails' },
      ] }) },
    '/rdf.xml': { type: 'application/rdf+xml', body: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${base}/"><title>Sea Lanes</title><link>${base}/</link><description>Naval news</description></channel>
<item rdf:about="${base}/news/5.html"><title>${ARTICLES['5'].title}</title><link>${base}/news/5.html</link><dc:date>2024-12-06</dc:date></item>
</rdf:RDF>` },
    '/list.opml': { type: 'text/x-opml', etag: '"list-v1"', body: `<?xml version="1.0"?>
<opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="Regional"><outline text="Eastern Flank Daily" type="rss" xmlUrl="${base}/atom.xml"/></outline>
<outline text="Nordic Security Notes" type="rss" xmlUrl="/feed.json"/>
</body></opml>` },
    '/bad.xml': { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</tilte>
<item><title>Never read</title><link>${base}/news/1.html</link></item></channel></rss>` },
  };
}

export interface FeedServer { base: string; requests: SeenRequest[]; close(): Promise<void> }

export async function startFeedServer(): Promise<FeedServer> {
  const requests: SeenRequest[] = [];
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const h = req.headers;
    requests.push({ path, at: Date.now(), ifNoneMatch: h['if-none-match'], ifModifiedSince: h['if-modified-since'], userAgent: h['user-agent'] });
    const feed = feeds(base)[path];
    if (feed) {
      if (feed.etag && h['if-none-match'] === feed.etag) { res.writeHead(304, { etag: feed.etag }).end(); return; }
      if (feed.lastModified && h['if-modified-since'] === feed.lastModified) { res.writeHead(304).end(); return; }
      const headers: Record<string, string> = { 'content-type': `${feed.type}; charset=utf-8` };
      if (feed.etag) headers.etag = feed.etag;
      if (feed.lastModified) headers['last-modified'] = feed.lastModified;
      res.writeHead(200, headers).end(feed.body);
      return;
    }
    const page = /^\/news\/(\d)\.html$/.exec(path);
    if (page && ARTICLES[page[1]]) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(page[1])); return; }
    if (path === '/news/broken.html') { res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'); return; }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base, requests,
    close: () => new Promise<void>((resolve, reject) => { server.closeAllConnections(); server.close((e) => (e ? reject(e) : resolve())); }),
  };
}
