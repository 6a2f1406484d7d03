// Load check of the HTTP API (not a timed test): fills a store with synthesised analyses (100,000
// events by default, in documents of realistic shape), starts `sitrep serve` on it in a child
// process on loopback, and reports requests per second and p50/p99 latency for the main read
// queries, on SQLite and on PostgreSQL (a throw-away server from the test harness, or
// SITREP_BENCH_PG_URL pointing at an empty database).
// Usage: npm run bench:api [-- --events N] [--seconds S] [--concurrency C] [--db sqlite|postgres|both] [--json]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openStore, type Store } from '../src/store/index.ts';
import { linkAnalyses } from '../src/link/index.ts';
import { PLOVER_TYPES, type Actor, type Analysis, type Event, type Mention, type Modality, type PloverType, type Quote, type Sentence } from '../src/model/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const EVENTS = Number(arg('events', '100000'));
const SECONDS = Number(arg('seconds', '5'));
const CONCURRENCY = Number(arg('concurrency', '8'));
const WHICH = arg('db', 'both');
const json = process.argv.includes('--json');
const log = (s: string): void => { process.stderr.write(s + '\n'); };

// ---- synthesised corpus ----

/** A small deterministic generator, so every run stores the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20251123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
/** Skewed choice: a few actors take most events, as in real reporting. */
const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * rand() ** 2.5))];

const STATES: [string, string][] = [
  ['USA', 'United States'], ['RUS', 'Russia'], ['UKR', 'Ukraine'], ['CHN', 'China'], ['POL', 'Poland'], ['BLR', 'Belarus'], ['LTU', 'Lithuania'],
  ['DEU', 'Germany'], ['FRA', 'France'], ['GBR', 'United Kingdom'], ['TUR', 'Turkey'], ['IRN', 'Iran'], ['ISR', 'Israel'], ['JPN', 'Japan'],
  ['KOR', 'South Korea'], ['PRK', 'North Korea'], ['IND', 'India'], ['PAK', 'Pakistan'], ['LVA', 'Latvia'], ['EST', 'Estonia'], ['FIN', 'Finland'],
  ['SWE', 'Sweden'], ['NOR', 'Norway'], ['ROU', 'Romania'], ['MDA', 'Moldova'], ['GEO', 'Georgia'], ['ARM', 'Armenia'], ['AZE', 'Azerbaijan'],
  ['KAZ', 'Kazakhstan'], ['SRB', 'Serbia'], ['HUN', 'Hungary'], ['ITA', 'Italy'], ['ESP', 'Spain'], ['CAN', 'Canada'], ['AUS', 'Australia'],
  ['SAU', 'Saudi Arabia'], ['EGY', 'Egypt'], ['SYR', 'Syria'], ['IRQ', 'Iraq'], ['TWN', 'Taiwan'],
];
const ACTORS: Actor[] = [
  ...STATES.map(([code, name]): Actor => ({ id: `state:${code}`, name, kind: 'state', code, aliases: [], country: code })),
  { id: 'igo:NATO', name: 'NATO', kind: 'igo', code: 'NATO', aliases: ['North Atlantic Treaty Organization'] },
  { id: 'igo:EU', name: 'European Union', kind: 'igo', code: 'EUR', aliases: ['EU'] },
  { id: 'igo:UN', name: 'United Nations', kind: 'igo', code: 'IGOUNO', aliases: ['UN'] },
];
const TABLE: Partial<Record<PloverType, [string, number, 1 | 2 | 3 | 4, string]>> = {
  AGREE: ['03', 4, 1, 'agreed with'], CONSULT: ['04', 1, 1, 'held talks with'], SUPPORT: ['05', 3.5, 1, 'backed'],
  CONCEDE: ['08', 5, 2, 'eased restrictions on'], COOPERATE: ['06', 6, 2, 'signed a defence pact with'], AID: ['07', 7, 2, 'sent aid to'],
  RETREAT: ['08', 5, 2, 'withdrew troops from the border with'], REQUEST: ['02', 3, 1, 'called on'], ACCUSE: ['11', -2, 3, 'accused'],
  REJECT: ['12', -4, 3, 'rejected a proposal from'], THREATEN: ['13', -6, 3, 'threatened'], PROTEST: ['14', -6.5, 3, 'protested against'],
  SANCTION: ['16', -4, 4, 'imposed sanctions on'], MOBILIZE: ['15', -7.2, 4, 'deployed missiles near'], COERCE: ['17', -7, 4, 'seized ships of'],
  ASSAULT: ['18', -9, 4, 'struck targets in'],
};
const MODALITIES: Modality[] = ['asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'negated', 'hypothetical', 'predicted', 'recommended'];
const OUTLETS = ['Baltic Wire', 'Continental Press', 'Eastern Flank Review', 'Pacific Desk', 'Security Monitor', 'Defence Daily', 'Policy Brief', 'Frontline News'];
const FILLER = [
  'Analysts said the move reflected a wider shift in the region.', 'The ministry gave no further details.',
  'Officials expect further talks later in the year.', 'The statement came after weeks of tension along the frontier.',
];
const EVENTS_PER_DOC = 10;

function isoDay(offset: number): string {
  return new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function synthDocument(n: number): Analysis {
  const published = isoDay(Math.floor(rand() * 1000));
  const id = `bench${n.toString(16).padStart(11, '0')}`;
  const parts: string[] = [];
  let at = 0;
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const events: Event[] = [];
  const quotes: Quote[] = [];
  const actors = new Map<string, Actor>();
  const add = (text: string): number => {
    const start = at;
    parts.push(text);
    sentences.push({ start, end: start + text.length, tokens: [0, 0], paragraph: sentences.length });
    at += text.length + 1;
    return start;
  };
  for (let k = 0; k < EVENTS_PER_DOC; k++) {
    const src = zipf(ACTORS);
    let tgt = zipf(ACTORS);
    while (tgt.id === src.id) tgt = pick(ACTORS);
    const type = pick(PLOVER_TYPES);
    const [cameo, goldstein, quadClass, verb] = TABLE[type]!;
    const day = isoDay(Math.max(0, Math.floor(rand() * 1000) - 1));
    const text = `${src.name} ${verb} ${tgt.name} on ${day} over missiles, troops and the border.`;
    const start = add(text);
    actors.set(src.id, src);
    actors.set(tgt.id, tgt);
    const srcSpan = { start, end: start + src.name.length };
    const tStart = start + src.name.length + 1 + verb.length + 1;
    const tgtSpan = { start: tStart, end: tStart + tgt.name.length };
    mentions.push({ ...srcSpan, text: src.name, actor: src.id, kind: src.kind, via: 'kb:name' }, { ...tgtSpan, text: tgt.name, actor: tgt.id, kind: tgt.kind, via: 'kb:name' });
    const withDate = rand() < 0.7;
    events.push({
      id: `${id}:e${k + 1}`, type, start, end: start + text.length, modality: pick(MODALITIES),
      source: { ...srcSpan, actor: src.id, code: src.code, text: src.name }, target: { ...tgtSpan, actor: tgt.id, code: tgt.code, text: tgt.name },
      ...(withDate ? { when: { text: `on ${day}`, start: day, end: day } } : {}),
      cameo, goldstein, quadClass, confidence: 0.8, via: `bench:${type.toLowerCase()}`,
      trigger: { start: srcSpan.end + 1, end: srcSpan.end + 1 + verb.length, text: verb },
    });
    if (k % 3 === 0) {
      const q = `We will not accept pressure from ${tgt.name} over the border`;
      const qs = add(`"${q}," a spokesman for ${src.name} said.`);
      quotes.push({ start: qs + 1, end: qs + 1 + q.length, text: q, kind: 'direct', speaker: src.id, speakerText: src.name, speakerCode: src.code, cue: 'said' });
    }
    if (k % 4 === 0) add(pick(FILLER));
  }
  const body = parts.join(' ');
  return {
    doc: { id, source: `bench:${n}`, body, meta: { title: `Report ${n}`, outlet: pick(OUTLETS), published, url: `https://example.org/bench/${n}` }, dropped: [] },
    sentences, tokens: [], actors: [...actors.values()], mentions, times: [], events, quotes, claims: [], frames: [],
  };
}

async function fill(store: Store, events: number): Promise<{ docs: string[]; seconds: number }> {
  const t = performance.now();
  const docs: string[] = [];
  const BATCH = 500;
  const total = Math.ceil(events / EVENTS_PER_DOC);
  const all: Analysis[] = [];
  for (let i = 0; i < total; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, total - i) }, (_, j) => synthDocument(i + j));
    await store.saveAnalyses(batch);
    for (const a of batch) { docs.push(a.doc.id); all.push(a); }
  }
  // Links as `sitrep analyze` leaves them (same actor, same event, storylines).
  await store.saveLinks(linkAnalyses(all));
  return { docs, seconds: (performance.now() - t) / 1000 };
}

// ---- the server, in its own process, as a user runs it ----

async function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(here, '..', 'bin', 'sitrep.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill(), 60_000);
  for await (const line of lines) {
    const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (m) { clearTimeout(timer); return { url: m[1], child }; }
  }
  throw new Error('the server did not start');
}

// ---- load ----

interface Figure { query: string; path: string; requests: number; rps: number; p50: number; p99: number; errors: number; storeP50?: number }

async function load(url: string, name: string, paths: () => string): Promise<Figure> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const first = paths();
  // warm up: one request, so that a cold cache is not measured
  await fetch(url + first).then((r) => r.arrayBuffer());
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const r = await fetch(url + paths());
      await r.arrayBuffer();
      if (r.status !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10;
  return { query: name, path: first, requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50: q(0.5), p99: q(0.99), errors };
}

async function benchDatabase(name: 'sqlite' | 'postgres', target: string): Promise<{ db: string; fillSeconds: number; events: number; figures: Figure[] }> {
  log(`${name}: filling the store with ${EVENTS} events...`);
  const store = await openStore(target);
  const { docs, seconds } = await fill(store, EVENTS);
  const counts = await store.counts();
  log(`${name}: ${counts.documents} documents, ${counts.events} events, ${counts.quotes} quotes stored and linked in ${seconds.toFixed(1)} s`);
  const r = rng(7);
  const some = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const actor = () => some(['USA', 'RUS', 'UKR', 'CHN', 'POL']);
  const other = () => some(['RUS', 'UKR', 'CHN']);
  const type = () => some(['ASSAULT', 'SANCTION', 'CONSULT']);
  const word = () => some(['sanctions', 'Ukraine', 'border', 'spokesman']);
  // Each query as the API is asked it, and as the store alone answers it (to tell server cost from database cost).
  const queries: [string, () => string, () => Promise<unknown>][] = [
    ['events by actor', () => `/events?actor=state:${actor()}&limit=50`, () => store.listEvents({ actor: `state:${actor()}`, limit: 50 })],
    ['events by dyad', () => `/events?dyad=state:USA,state:${other()}&limit=50`, () => store.listEvents({ dyad: ['state:USA', `state:${other()}`], limit: 50 })],
    ['events by type and date range', () => `/events?type=${type()}&since=2024-01&until=2024-06&limit=50`, () => store.listEvents({ type: [type()], since: '2024-01', until: '2024-06', limit: 50 })],
    ['dyad series (month)', () => `/dyads/state:USA/state:${other()}/series?interval=month`, () => store.dyadSeries('state:USA', `state:${other()}`, 'month')],
    ['search', () => `/search?q=${word()}`, () => store.search(word())],
    ['document by id', () => `/documents/${some(docs)}`, () => store.getAnalysis(some(docs))],
  ];
  const storeMs = new Map<string, number>();
  for (const [q, , direct] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) { const t = performance.now(); await direct(); times.push(performance.now() - t); }
    storeMs.set(q, Math.round(times.sort((a, b) => a - b)[7] * 10) / 10);
  }
  await store.close();
  const { url, child } = await serve(target);
  const figures: Figure[] = [];
  try {
    for (const [q, paths] of queries) {
      const f = { ...(await load(url, q, paths)), storeP50: storeMs.get(q)! };
      figures.push(f);
      log(`${name}: ${q.padEnd(30)} ${String(f.rps).padStart(6)} req/s  p50 ${String(f.p50).padStart(7)} ms  p99 ${String(f.p99).padStart(7)} ms  (${f.requests} requests${f.errors ? `, ${f.errors} errors` : ''}); store alone, one at a time: p50 ${f.storeP50} ms`);
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  return { db: name, fillSeconds: Math.round(seconds * 10) / 10, events: counts.events, figures };
}

const results = [];
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
try {
  log(`${EVENTS} events, ${SECONDS} s per query, ${CONCURRENCY} concurrent clients`);
  if (WHICH === 'sqlite' || WHICH === 'both') results.push(await benchDatabase('sqlite', join(dir, 'bench.db')));
  if (WHICH === 'postgres' || WHICH === 'both') {
    const given = process.env.SITREP_BENCH_PG_URL;
    if (given) results.push(await benchDatabase('postgres', given));
    else {
      const { postgresUnavailable, startPostgres } = await import('../test/store/postgres.ts');
      const missing = postgresUnavailable();
      if (missing) log(`postgres: skipped: ${missing}`);
      else {
        const server = await startPostgres();
        try { results.push(await benchDatabase('postgres', await server.createDatabase())); } finally { await server.stop(); }
      }
    }
  }
} finally {
  if (!process.env.SITREP_BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else log(`kept ${dir}`);
}
if (json) process.stdout.write(JSON.stringify({ events: EVENTS, seconds: SECONDS, concurrency: CONCURRENCY, results }) + '\n');
else {
  for (const r of results) {
    process.stdout.write(`\n${r.db}: ${r.events} events (filled in ${r.fillSeconds} s)\n| query | req/s | p50 ms | p99 ms | store alone p50 ms |\n|---|---:|---:|---:|---:|\n`);
    for (const f of r.figures) process.stdout.write(`| ${f.query} | ${f.rps} | ${f.p50} | ${f.p99} | ${f.storeP50} |\n`);
  }
}
