// The SQLite store: one file, WAL journal, foreign keys on, one writer.
import Database from 'better-sqlite3';
import type { Actor, Analysis, CorpusLinks, Event, Token } from '../../model/types.ts';
import type { Store, StoreCounts, StoredDocument } from '../index.ts';
import { tokenize } from '../../text/tokenize.ts';
import { foldName, personKey } from '../../link/names.ts';
import { migrate } from './migrate.ts';
import { StoreSchemaError } from '../errors.ts';
import * as rows from './rows.ts';

type Row = Record<string, unknown>;
type Params = Record<string, string | number | null>;

const PAGE = 200;

/** A person's name as spelling-free keys: the full skeleton and the surname's, so any transliteration finds them. */
function spellingKey(name: string): string {
  const { given, surname } = personKey(name);
  return 'sk:' + [...given, surname].join(' ');
}

function nameKeys(kind: string, names: string[]): Set<string> {
  const keys = new Set(names.map(foldName).filter(Boolean));
  if (kind === 'person') {
    for (const n of names) {
      const { surname } = personKey(n);
      keys.add(spellingKey(n));
      if (surname) keys.add('sk:' + surname);
    }
  }
  return keys;
}

function insertSql(table: string, cols: string[], conflict = ''): string {
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})${conflict}`;
}

/** Tokens are not stored: they are recomputed from the body the first time they are read. */
function withLazyTokens(a: Omit<Analysis, 'tokens'>): Analysis {
  let tokens: Token[] | undefined;
  Object.defineProperty(a, 'tokens', {
    enumerable: true, configurable: true,
    get: () => (tokens ??= tokenize(a.doc.body).tokens),
    set: (v: Token[]) => { tokens = v; },
  });
  return a as Analysis;
}

export function openSqliteStore(path: string): Store {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new StoreSchemaError(`${path} is not a sitrep store: it is not an SQLite file`);
    throw err;
  }

  const inserts = new Map<string, Database.Statement>();
  const insert = (table: string, row: Params, conflict = ''): void => {
    const key = table + conflict;
    let st = inserts.get(key);
    if (!st) { st = db.prepare(insertSql(table, Object.keys(row), conflict)); inserts.set(key, st); }
    st.run(row);
  };
  const q = {
    has: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
    nextPosition: db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM documents').pluck(),
    doc: db.prepare('SELECT * FROM documents WHERE id = ?'),
    docsPage: db.prepare('SELECT id, source, meta, position FROM documents WHERE position > ? ORDER BY position LIMIT ?'),
    actor: db.prepare('SELECT * FROM actors WHERE id = ?'),
    actorsByKey: db.prepare(
      `SELECT DISTINCT a.* FROM actors a LEFT JOIN actor_names n ON n.actor_id = a.id
       WHERE a.id = @q OR UPPER(a.code) = UPPER(@q) OR n.name_key = @key ORDER BY a.id`),
    actorNamesDelete: db.prepare('DELETE FROM actor_names WHERE actor_id = ?'),
    docActors: db.prepare('SELECT a.* FROM document_actors d JOIN actors a ON a.id = d.actor_id WHERE d.doc_id = ? ORDER BY d.idx'),
    event: db.prepare('SELECT * FROM events WHERE id = ?'),
  };
  const layer = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE doc_id = ? ORDER BY idx`);
  const layers = {
    sentences: layer('sentences'), mentions: layer('mentions'), times: layer('times'), events: layer('events'),
    quotes: layer('quotes'), claims: layer('claims'), frames: layer('frames'),
  };

  function upsertActor(a: Actor): void {
    const old = q.actor.get(a.id) as Row | undefined;
    const aliases = old ? [...new Set([...rows.actorOf(old).aliases, ...(a.aliases ?? [])])] : a.aliases ?? [];
    const row = rows.actorRow({ ...a, aliases });
    const sets = Object.keys(row).filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
    insert('actors', row, ` ON CONFLICT (id) DO UPDATE SET ${sets}`);
    q.actorNamesDelete.run(a.id);
    for (const key of nameKeys(a.kind, [a.name, ...aliases])) insert('actor_names', { actor_id: a.id, name_key: key });
  }

  function saveOne(a: Analysis): void {
    const d = a.doc;
    const m = d.meta ?? {};
    insert('documents', {
      id: d.id, source: d.source, body: d.body, meta: JSON.stringify(m), dropped: JSON.stringify(d.dropped ?? []),
      title: m.title ?? null, outlet: m.outlet ?? null, published: m.published ?? null, url: m.url ?? null,
      position: q.nextPosition.get() as number,
    });
    a.sentences.forEach((s, i) => insert('sentences', rows.sentenceRow(d.id, i, s)));
    const seen = new Set<string>();
    let i = 0;
    for (const actor of a.actors) {
      if (seen.has(actor.id)) continue;
      seen.add(actor.id);
      upsertActor(actor);
      insert('document_actors', { doc_id: d.id, idx: i++, actor_id: actor.id });
    }
    a.mentions.forEach((x, j) => insert('mentions', rows.mentionRow(d.id, j, x)));
    a.times.forEach((x, j) => insert('times', rows.timeRow(d.id, j, x)));
    a.events.forEach((x, j) => insert('events', rows.eventRow(d.id, j, x)));
    a.quotes.forEach((x, j) => insert('quotes', rows.quoteRow(d.id, j, x)));
    a.claims.forEach((x, j) => insert('claims', rows.claimRow(d.id, j, x)));
    a.frames.forEach((x, j) => insert('frames', rows.frameRow(d.id, j, x)));
  }

  const saveBatch = db.transaction((list: Analysis[]): number => {
    let saved = 0;
    for (const a of list) {
      if (q.has.get(a.doc.id)) continue;
      saveOne(a);
      saved++;
    }
    return saved;
  });

  function getAnalysis(docId: string): Analysis | undefined {
    const r = q.doc.get(docId) as Row | undefined;
    if (!r) return undefined;
    const all = (st: Database.Statement) => st.all(docId) as Row[];
    return withLazyTokens({
      doc: { id: r.id as string, source: r.source as string, body: r.body as string, meta: JSON.parse(r.meta as string), dropped: JSON.parse(r.dropped as string) },
      sentences: all(layers.sentences).map(rows.sentenceOf),
      actors: all(q.docActors).map(rows.actorOf),
      mentions: all(layers.mentions).map(rows.mentionOf),
      times: all(layers.times).map(rows.timeOf),
      events: all(layers.events).map(rows.eventOf),
      quotes: all(layers.quotes).map(rows.quoteOf),
      claims: all(layers.claims).map(rows.claimOf),
      frames: all(layers.frames).map(rows.frameOf),
    });
  }

  function* documentPages(): Generator<Row> {
    let after = 0;
    for (;;) {
      const page = q.docsPage.all(after, PAGE) as Row[];
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].position as number;
    }
  }

  const writeLinks = db.transaction((links: CorpusLinks) => {
    for (const t of ['same_actor', 'event_groups', 'storyline_events', 'storylines']) db.exec(`DELETE FROM ${t}`);
    for (const [actor, same] of Object.entries(links.sameActor)) insert('same_actor', { actor_id: actor, same_as: same });
    for (const g of links.sameEvent) {
      g.events.forEach((e, i) => insert('event_groups', { group_id: g.id, idx: i, doc_id: e.doc, event_id: e.event }));
    }
    links.storylines.forEach((s, pos) => {
      insert('storylines', { id: s.id, position: pos, label: s.label, actors: JSON.stringify(s.actors) });
      s.events.forEach((e, i) => insert('storyline_events', { storyline_id: s.id, idx: i, doc_id: e.doc, event_id: e.event }));
    });
  });

  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

  const findActors = (nameOrCode: string): Actor[] => {
    const exact = (q.actorsByKey.all({ q: nameOrCode.trim(), key: foldName(nameOrCode) }) as Row[]).map(rows.actorOf);
    if (exact.length) return exact;
    // else a person by a transliteration of the name, or by surname alone
    return (q.actorsByKey.all({ q: nameOrCode.trim(), key: spellingKey(nameOrCode) }) as Row[]).map(rows.actorOf);
  };

  const actorDocuments = (actorIds: string[]): string[] => {
    if (actorIds.length === 0) return [];
    const marks = actorIds.map(() => '?').join(', ');
    const sql = `SELECT id FROM documents WHERE id IN (
        SELECT doc_id FROM document_actors WHERE actor_id IN (${marks})
        UNION SELECT doc_id FROM mentions WHERE actor_id IN (${marks})
        UNION SELECT doc_id FROM events WHERE source_actor IN (${marks}) OR target_actor IN (${marks}))
      ORDER BY position`;
    return db.prepare(sql).pluck().all(...actorIds, ...actorIds, ...actorIds, ...actorIds) as string[];
  };

  const readLinks = (): CorpusLinks => {
    const sameActor: Record<string, string> = {};
    for (const r of db.prepare('SELECT actor_id, same_as FROM same_actor ORDER BY actor_id').all() as Row[]) sameActor[r.actor_id as string] = r.same_as as string;
    const groups = new Map<string, { doc: string; event: string }[]>();
    for (const r of db.prepare('SELECT * FROM event_groups ORDER BY group_id, idx').all() as Row[]) {
      const list = groups.get(r.group_id as string) ?? [];
      list.push({ doc: r.doc_id as string, event: r.event_id as string });
      groups.set(r.group_id as string, list);
    }
    const storyEvents = db.prepare('SELECT doc_id, event_id FROM storyline_events WHERE storyline_id = ? ORDER BY idx');
    const storylines = (db.prepare('SELECT * FROM storylines ORDER BY position').all() as Row[]).map((r) => ({
      id: r.id as string, label: r.label as string,
      events: (storyEvents.all(r.id) as Row[]).map((e) => ({ doc: e.doc_id as string, event: e.event_id as string })),
      actors: JSON.parse(r.actors as string) as string[],
    }));
    return { sameActor, sameEvent: [...groups].map(([id, events]) => ({ id, events })), storylines };
  };

  return {
    hasDocument: async (id) => q.has.get(id) !== undefined,
    saveAnalyses: async (list) => saveBatch(list),
    getAnalysis: async (id) => getAnalysis(id),
    async *documents(): AsyncGenerator<StoredDocument> {
      for (const r of documentPages()) yield { id: r.id as string, source: r.source as string, meta: JSON.parse(r.meta as string) };
    },
    async *analyses(): AsyncGenerator<Analysis> {
      for (const r of documentPages()) {
        const a = getAnalysis(r.id as string);
        if (a) yield a;
      }
    },
    async actor(id) {
      const r = q.actor.get(id) as Row | undefined;
      return r ? rows.actorOf(r) : undefined;
    },
    findActors: async (nameOrCode) => findActors(nameOrCode),
    async event(id) {
      const r = q.event.get(id) as Row | undefined;
      return r ? { event: rows.eventOf(r) as Event, doc: r.doc_id as string } : undefined;
    },
    actorDocuments: async (ids) => actorDocuments(ids),
    saveLinks: async (links) => { writeLinks(links); },
    links: async () => readLinks(),
    async counts(): Promise<StoreCounts> {
      return { documents: count('documents'), actors: count('actors'), events: count('events'), quotes: count('quotes'), frames: count('frames') };
    },
    close: async () => { db.close(); },
  };
}
