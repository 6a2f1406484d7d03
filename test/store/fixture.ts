// Hand-built analyses of three short invented reports, used by the store, link, report, show
// and export tests. Sentences and tokens come from the real tokenizer; the other layers are
// coded by hand, as the pipeline stages would code them.
import { createHash } from 'node:crypto';
import type { Actor, Analysis, Event, EventRole, Frame, Mention, Modality, PloverType, Quote } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { collect, openStore, type Store } from '../../src/store/index.ts';
import { linkAnalyses } from '../../src/link/index.ts';

const CAMEO: Record<string, [string, number, 1 | 2 | 3 | 4]> = {
  AGREE: ['03', 4, 1], CONSULT: ['04', 1, 1], SUPPORT: ['05', 3.5, 1], COOPERATE: ['06', 6, 2],
  ACCUSE: ['11', -2, 3], SANCTION: ['16', -4, 4], MOBILIZE: ['15', -7.2, 4], REJECT: ['12', -4, 3],
};

export const ACTORS: Record<string, Actor> = {
  POL: { id: 'state:POL', name: 'Poland', kind: 'state', code: 'POL', aliases: ['Warsaw', 'Polish'], country: 'POL' },
  USA: { id: 'state:USA', name: 'United States', kind: 'state', code: 'USA', aliases: ['US', 'Washington', 'American'], country: 'USA' },
  RUS: { id: 'state:RUS', name: 'Russia', kind: 'state', code: 'RUS', aliases: ['Moscow', 'Russian', 'Kremlin'], country: 'RUS' },
  LTU: { id: 'state:LTU', name: 'Lithuania', kind: 'state', code: 'LTU', aliases: ['Vilnius'], country: 'LTU' },
  BLR: { id: 'state:BLR', name: 'Belarus', kind: 'state', code: 'BLR', aliases: ['Minsk'], country: 'BLR' },
  JPN: { id: 'state:JPN', name: 'Japan', kind: 'state', code: 'JPN', aliases: [], country: 'JPN' },
  AUS: { id: 'state:AUS', name: 'Australia', kind: 'state', code: 'AUS', aliases: [], country: 'AUS' },
};

type RoleSpec = { text: string; code: string; actor?: string };
interface EventSpec {
  type: PloverType; trigger: string; modality?: Modality; source?: RoleSpec; target?: RoleSpec;
  place?: string; when?: { text: string; start?: string; end?: string }; via?: string;
}
interface DocSpec {
  body: string; source: string; meta: Analysis['doc']['meta'];
  actors: Actor[];
  mentions: { text: string; actor: string; kind: Actor['kind']; code?: string; role?: string; nth?: number }[];
  events: EventSpec[];
  quotes: { text: string; speaker?: string; speakerText?: string; speakerCode?: string; kind?: Quote['kind']; cue?: string }[];
  frames: { kind: Frame['kind']; text: string; category?: string }[];
}

function find(body: string, text: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = body.indexOf(text, at + 1);
    if (at < 0) throw new Error(`fixture: "${text}" not in body`);
  }
  return { start: at, end: at + text.length };
}

function role(body: string, r: RoleSpec | undefined): EventRole | undefined {
  if (!r) return undefined;
  const s = find(body, r.text);
  return { ...(r.actor ? { actor: r.actor } : {}), code: r.code, text: r.text, ...s };
}

export function makeAnalysis(spec: DocSpec): Analysis {
  const id = createHash('sha256').update(spec.body).digest('hex').slice(0, 16);
  const { sentences, tokens } = tokenize(spec.body);
  const mentions: Mention[] = spec.mentions.map((m) => ({
    ...find(spec.body, m.text, m.nth), text: m.text, actor: m.actor, kind: m.kind,
    ...(m.code ? { code: m.code } : {}), ...(m.role ? { role: m.role } : {}), via: 'kb:name',
  }));
  const events: Event[] = spec.events.map((e, n) => {
    const trigger = { ...find(spec.body, e.trigger), text: e.trigger };
    const sentence = sentences.find((s) => s.start <= trigger.start && trigger.end <= s.end)!;
    const [cameo, goldstein, quadClass] = CAMEO[e.type] ?? ['01', 0, 1];
    const ev: Event = {
      id: `${id}:e${n + 1}`, type: e.type, start: sentence.start, end: sentence.end,
      modality: e.modality ?? 'asserted', cameo, goldstein, quadClass, confidence: 0.8,
      via: e.via ?? `test:${e.type.toLowerCase()}`, trigger,
    };
    const source = role(spec.body, e.source);
    const target = role(spec.body, e.target);
    if (source) ev.source = source;
    if (target) ev.target = target;
    if (e.place) ev.place = { text: e.place, ...find(spec.body, e.place) };
    if (e.when) ev.when = e.when;
    return ev;
  });
  const quotes: Quote[] = spec.quotes.map((q) => {
    const { kind = 'direct', text, ...rest } = q;
    return { ...find(spec.body, text), text, kind, ...rest };
  });
  const frames: Frame[] = spec.frames.map((f) => ({ ...find(spec.body, f.text), ...f }));
  return {
    doc: { id, source: spec.source, body: spec.body, meta: spec.meta, dropped: [] },
    sentences, tokens, actors: spec.actors, mentions, times: [], events, quotes, claims: [], frames,
  };
}

const KOWALCZYK: Actor = { id: 'new:person:jan-kowalczyk', name: 'Jan Kowalczyk', kind: 'person', code: 'POLMIL', aliases: [], country: 'POL', isNew: true, roles: [{ title: 'Defence Minister' }] };
const MARCHENKA: Actor = { id: 'new:person:ivan-marchenka', name: 'Ivan Marchenka', kind: 'person', code: 'BLRELI', aliases: [], country: 'BLR', isNew: true };
const MARCHENKO: Actor = { id: 'new:person:ivan-marchenko', name: 'Ivan Marchenko', kind: 'person', code: 'BLRELI', aliases: [], country: 'BLR', isNew: true };
const TANAKA: Actor = { id: 'new:person:emi-tanaka', name: 'Emi Tanaka', kind: 'person', code: 'JPNMIL', aliases: [], country: 'JPN', isNew: true };

export function docA(): Analysis {
  const body = 'Warsaw offered on Monday to pay for a permanent American base near the eastern border. ' +
    'Defence Minister Jan Kowalczyk said the offer "stands for as long as Washington wants it". ' +
    'Russia could answer by placing more missiles in Kaliningrad, the analyst Ivan Marchenka warned.\n\n' +
    'Such a "deterrent" would only deepen the crisis, he said.';
  return makeAnalysis({
    body, source: 'a.txt', meta: { title: 'Warsaw offers to pay for a US base', outlet: 'Baltic Monitor', published: '2025-03-10', url: 'https://example.org/a' },
    actors: [ACTORS.POL, ACTORS.USA, ACTORS.RUS, KOWALCZYK, MARCHENKA],
    mentions: [
      { text: 'Warsaw', actor: 'state:POL', kind: 'state', code: 'POLGOV' },
      { text: 'American', actor: 'state:USA', kind: 'state' },
      { text: 'Jan Kowalczyk', actor: KOWALCZYK.id, kind: 'person', role: 'Defence Minister' },
      { text: 'Washington', actor: 'state:USA', kind: 'state', code: 'USAGOV' },
      { text: 'Russia', actor: 'state:RUS', kind: 'state' },
      { text: 'Ivan Marchenka', actor: MARCHENKA.id, kind: 'person', role: 'analyst' },
    ],
    events: [
      { type: 'AGREE', trigger: 'offered', source: { text: 'Warsaw', code: 'POLGOV', actor: 'state:POL' }, target: { text: 'American', code: 'USA', actor: 'state:USA' }, when: { text: 'on Monday', start: '2025-03-10', end: '2025-03-10' } },
      { type: 'MOBILIZE', trigger: 'placing', modality: 'hypothetical', source: { text: 'Russia', code: 'RUS', actor: 'state:RUS' }, place: 'Kaliningrad' },
    ],
    quotes: [
      { text: 'stands for as long as Washington wants it', speaker: KOWALCZYK.id, speakerText: 'Jan Kowalczyk', speakerCode: 'POLMIL', cue: 'said' },
      { text: 'Such a "deterrent" would only deepen the crisis', kind: 'indirect', cue: 'said' },
    ],
    frames: [{ kind: 'scare-quote', text: 'deterrent' }, { kind: 'loaded', text: 'crisis', category: 'alarm' }],
  });
}

export function docB(): Analysis {
  const body = 'Poland is negotiating the stationing of a US military base on its soil, officials said on 12 March 2025. ' +
    'Meanwhile Russia is deploying missiles in Kaliningrad. ' +
    'Lithuania expelled two Russian diplomats on Tuesday. ' +
    'Ivan Marchenko, a Minsk-based analyst, called the move "a provocation & nothing else".';
  return makeAnalysis({
    body, source: 'feed.jsonl:2', meta: { title: 'Base talks advance', outlet: 'Eastern Flank Review', published: '2025-03-12' },
    actors: [ACTORS.POL, ACTORS.USA, ACTORS.RUS, ACTORS.LTU, MARCHENKO],
    mentions: [
      { text: 'Poland', actor: 'state:POL', kind: 'state' },
      { text: 'US', actor: 'state:USA', kind: 'state', code: 'USAMIL' },
      { text: 'Russia', actor: 'state:RUS', kind: 'state' },
      { text: 'Lithuania', actor: 'state:LTU', kind: 'state' },
      { text: 'Russian', actor: 'state:RUS', kind: 'state', code: 'RUSGOV' },
      { text: 'Ivan Marchenko', actor: MARCHENKO.id, kind: 'person', role: 'analyst' },
    ],
    events: [
      { type: 'CONSULT', trigger: 'negotiating', source: { text: 'Poland', code: 'POL', actor: 'state:POL' }, target: { text: 'US', code: 'USAMIL', actor: 'state:USA' }, when: { text: 'on 12 March 2025', start: '2025-03-12', end: '2025-03-12' } },
      { type: 'MOBILIZE', trigger: 'deploying', source: { text: 'Russia', code: 'RUS', actor: 'state:RUS' }, place: 'Kaliningrad' },
      { type: 'SANCTION', trigger: 'expelled', source: { text: 'Lithuania', code: 'LTU', actor: 'state:LTU' }, target: { text: 'Russian', code: 'RUSGOV', actor: 'state:RUS' }, when: { text: 'on Tuesday', start: '2025-03-11', end: '2025-03-11' } },
    ],
    quotes: [{ text: 'a provocation & nothing else', speaker: MARCHENKO.id, speakerText: 'Ivan Marchenko', speakerCode: 'BLRELI', cue: 'called' }],
    frames: [{ kind: 'loaded', text: 'provocation', category: 'hostility' }],
  });
}

export function docC(): Analysis {
  const body = 'Japan and Australia held naval talks in Darwin on 3 February 2025. ' +
    'Rear Admiral Emi Tanaka said the two navies will conduct a joint exercise in May.';
  return makeAnalysis({
    body, source: 'c.txt', meta: { title: 'Naval talks in Darwin', outlet: 'Pacific Desk', published: '2025-02-04' },
    actors: [ACTORS.JPN, ACTORS.AUS, TANAKA],
    mentions: [
      { text: 'Japan', actor: 'state:JPN', kind: 'state' },
      { text: 'Australia', actor: 'state:AUS', kind: 'state' },
      { text: 'Emi Tanaka', actor: TANAKA.id, kind: 'person', role: 'Rear Admiral' },
    ],
    events: [
      { type: 'CONSULT', trigger: 'held naval talks', source: { text: 'Japan', code: 'JPN', actor: 'state:JPN' }, target: { text: 'Australia', code: 'AUS', actor: 'state:AUS' }, place: 'Darwin', when: { text: 'on 3 February 2025', start: '2025-02-03', end: '2025-02-03' } },
      { type: 'COOPERATE', trigger: 'conduct a joint exercise', modality: 'predicted', source: { text: 'Japan', code: 'JPNMIL', actor: 'state:JPN' }, target: { text: 'Australia', code: 'AUSMIL', actor: 'state:AUS' }, when: { text: 'in May', start: '2025-05-01', end: '2025-05-31' } },
    ],
    quotes: [{ text: 'the two navies will conduct a joint exercise in May', kind: 'indirect', speaker: TANAKA.id, speakerText: 'Emi Tanaka', speakerCode: 'JPNMIL', cue: 'said' }],
    frames: [],
  });
}

export function corpus(): Analysis[] {
  return [docA(), docB(), docC()];
}

/** An in-memory store holding the corpus, linked as `sitrep analyze` leaves it. */
export async function linkedStore(): Promise<Store> {
  const s = await openStore(':memory:');
  await s.saveAnalyses(corpus());
  await s.saveLinks(linkAnalyses(await collect(s.analyses())));
  return s;
}
