// The schema as one list of migrations for both databases. Each runs once, in order, and bumps
// schema_version. Plain SQL that SQLite and PostgreSQL both accept; the few statements that
// cannot be shared (full-text search) sit in a migration's `sqlite` / `postgres` lists.
// No triggers, and document-scoped tables are keyed by doc_id with foreign keys only to their
// own document and to reference tables (actors), so that PostgreSQL can later be sharded by
// document (Citus). "start"/"end" are reserved words in places, so spans are span_start/span_end.
// DOUBLE PRECISION is REAL in SQLite and a 64-bit float (not float4) in PostgreSQL.

import { foldSql, foldUndecomposedSql } from './dialect/fold.ts';

export interface Migration { common: string[]; sqlite?: string[]; postgres?: string[] }

export const MIGRATIONS: Migration[] = [
  { common: [
    `CREATE TABLE documents (
       id TEXT PRIMARY KEY, source TEXT NOT NULL, body TEXT NOT NULL, meta TEXT NOT NULL,
       dropped TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT, url TEXT, position INTEGER NOT NULL)`,
    `CREATE TABLE sentences (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, tok_first INTEGER NOT NULL, tok_end INTEGER NOT NULL,
       paragraph INTEGER NOT NULL, PRIMARY KEY (doc_id, idx))`,
    `CREATE TABLE actors (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, country TEXT,
       aliases TEXT NOT NULL, roles TEXT, memberships TEXT, is_new INTEGER)`,
    `CREATE TABLE actor_names (actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
       name_key TEXT NOT NULL, PRIMARY KEY (actor_id, name_key))`,
    `CREATE INDEX actor_names_key ON actor_names (name_key)`,
    `CREATE INDEX actors_code ON actors (code)`,
    `CREATE TABLE document_actors (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       actor_id TEXT NOT NULL REFERENCES actors(id), PRIMARY KEY (doc_id, idx))`,
    `CREATE INDEX document_actors_actor ON document_actors (actor_id)`,
    `CREATE TABLE mentions (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, actor_id TEXT,
       kind TEXT NOT NULL, code TEXT, role TEXT, via TEXT NOT NULL, PRIMARY KEY (doc_id, idx))`,
    `CREATE INDEX mentions_actor ON mentions (actor_id)`,
    `CREATE TABLE times (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
       value_start TEXT, value_end TEXT, via TEXT NOT NULL, PRIMARY KEY (doc_id, idx))`,
    `CREATE TABLE events (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, context TEXT,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
       source_actor TEXT, source_code TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,
       target_actor TEXT, target_code TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER,
       place_text TEXT, place_start INTEGER, place_end INTEGER, place_country TEXT,
       when_text TEXT, when_start TEXT, when_end TEXT,
       modality TEXT NOT NULL, cameo TEXT, goldstein DOUBLE PRECISION, quad_class INTEGER, confidence DOUBLE PRECISION NOT NULL,
       via TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
       PRIMARY KEY (doc_id, idx))`,
    `CREATE INDEX events_id ON events (id)`,
    `CREATE INDEX events_source ON events (source_actor)`,
    `CREATE INDEX events_target ON events (target_actor)`,
    `CREATE TABLE quotes (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
       speaker_actor TEXT, speaker_text TEXT, speaker_code TEXT, cue TEXT, PRIMARY KEY (doc_id, idx))`,
    `CREATE TABLE claims (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, holder TEXT NOT NULL,
       about TEXT NOT NULL, hedge DOUBLE PRECISION NOT NULL, cues TEXT NOT NULL, PRIMARY KEY (doc_id, idx))`,
    `CREATE TABLE frames (
       doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
       span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
       category TEXT, PRIMARY KEY (doc_id, idx))`,
    `CREATE TABLE same_actor (actor_id TEXT PRIMARY KEY, same_as TEXT NOT NULL)`,
    `CREATE TABLE event_groups (group_id TEXT NOT NULL, idx INTEGER NOT NULL, doc_id TEXT NOT NULL,
       event_id TEXT NOT NULL, PRIMARY KEY (group_id, idx))`,
    `CREATE TABLE storylines (id TEXT PRIMARY KEY, position INTEGER NOT NULL, label TEXT NOT NULL, actors TEXT NOT NULL)`,
    `CREATE TABLE storyline_events (storyline_id TEXT NOT NULL REFERENCES storylines(id) ON DELETE CASCADE,
       idx INTEGER NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (storyline_id, idx))`,
  ] },
  { common: [
    // documents are appended and read in stored order: the next position and each page come from this index
    `CREATE INDEX documents_position ON documents (position)`,
  ] },
  {
    // the API's filters and counts, and full-text search over document bodies (with titles) and quotes
    common: [
      `CREATE INDEX documents_outlet ON documents (outlet)`,
      `CREATE INDEX quotes_speaker ON quotes (speaker_actor)`,
      `CREATE INDEX claims_holder ON claims (holder)`,
      `CREATE INDEX same_actor_same_as ON same_actor (same_as)`,
      `CREATE INDEX storyline_events_event ON storyline_events (doc_id, event_id)`,
    ],
    // one FTS5 table for both kinds of text, written by the store code in the same transaction
    sqlite: [
      `CREATE VIRTUAL TABLE text_fts USING fts5(doc_id UNINDEXED, kind UNINDEXED, idx UNINDEXED, text,
         tokenize = 'porter unicode61 remove_diacritics 2')`,
      `INSERT INTO text_fts (doc_id, kind, idx, text)
         SELECT id, 'document', 0, ${foldUndecomposedSql(`COALESCE(title, '') || char(10) || char(10) || body`)} FROM documents`,
      `INSERT INTO text_fts (doc_id, kind, idx, text) SELECT doc_id, 'quote', idx, ${foldUndecomposedSql('text')} FROM quotes`,
    ],
    // generated tsvector columns (computed by PostgreSQL on insert, no trigger) with GIN indexes
    // (letters with diacritics folded, as FTS5's remove_diacritics does)
    postgres: [
      `ALTER TABLE documents ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS
         (to_tsvector('english'::regconfig, ${foldSql(`COALESCE(title, '') || ' ' || body`)})) STORED`,
      `CREATE INDEX documents_search ON documents USING GIN (search_tsv)`,
      `ALTER TABLE quotes ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, ${foldSql('text')})) STORED`,
      `CREATE INDEX quotes_search ON quotes USING GIN (search_tsv)`,
    ],
  },
  { common: [
    // pairs of actors (dyads, an actor's events with itself) from one index, which also serves the source alone
    `CREATE INDEX events_dyad ON events (source_actor, target_actor)`,
    `DROP INDEX events_source`,
  ] },
  { common: [
    // near-duplicate documents (a link, replaced with the others): the later document, the earlier one it copies
    `CREATE TABLE near_duplicates (doc_id TEXT NOT NULL, of_doc TEXT NOT NULL, similarity DOUBLE PRECISION NOT NULL,
       PRIMARY KEY (doc_id, of_doc))`,
    `CREATE INDEX near_duplicates_of ON near_duplicates (of_doc)`,
  ] },
  { common: [
    // what `sitrep watch` knows of each feed (validators, back-off, items seen), as JSON: see src/feeds/state.ts
    `CREATE TABLE feeds (url TEXT PRIMARY KEY, state TEXT NOT NULL)`,
  ] },
  { common: [
    // how far the saved links reach: the last document position they were computed over, so that
    // a batch stopped between storing its documents and linking them is linked by the next run
    `CREATE TABLE links_state (id INTEGER PRIMARY KEY, position INTEGER NOT NULL)`,
  ] },
  { common: [
    // what the corpus linker needs of each document (src/link/digest.ts), written with the
    // document: linking reads this one row instead of the whole analysis. Documents stored
    // before this table have none, and are read whole when linked.
    `CREATE TABLE link_digests (doc_id TEXT PRIMARY KEY REFERENCES documents(id), digest TEXT NOT NULL)`,
  ] },
  { common: [
    // incremental linking (src/link/snapshot.ts): the linker's snapshot after its last finished
    // chunk, and an epoch each save bumps, so that two linkers never both write on one state
    `ALTER TABLE links_state ADD COLUMN snapshot TEXT`,
    `ALTER TABLE links_state ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0`,
    // links found after the snapshot are provisional: the next run deletes them and finds them again
    ...['event_groups', 'storylines', 'storyline_events', 'near_duplicates'].flatMap((t) => [
      `ALTER TABLE ${t} ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0`,
      `CREATE INDEX ${t}_provisional ON ${t} (provisional)`,
    ]),
    // storylines are saved a chunk at a time, so their order (told by most documents, then by most
    // events) is kept as counts, not as a position over all of them
    `ALTER TABLE storylines ADD COLUMN doc_count INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE storylines ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0`,
    `UPDATE storylines SET
       doc_count = (SELECT COUNT(DISTINCT se.doc_id) FROM storyline_events se WHERE se.storyline_id = storylines.id),
       event_count = (SELECT COUNT(*) FROM storyline_events se WHERE se.storyline_id = storylines.id)`,
    `ALTER TABLE storylines DROP COLUMN position`,
    `CREATE INDEX storylines_order ON storylines (doc_count DESC, event_count DESC, id)`,
  ] },
  {
    // PostgreSQL: the search columns become plain columns the writer fills with each row from the
    // text folded in JS (StoreDialect.searchVector): folding with translate() in the generated
    // expression cost PostgreSQL more than the indexing itself. Rows stored before are filled
    // once here with the old expression, which gives the same vectors.
    common: [],
    postgres: [
      `ALTER TABLE documents DROP COLUMN search_tsv`,
      `ALTER TABLE documents ADD COLUMN search_tsv tsvector`,
      `UPDATE documents SET search_tsv = to_tsvector('english'::regconfig, ${foldSql(`COALESCE(title, '') || ' ' || body`)})`,
      `CREATE INDEX documents_search ON documents USING GIN (search_tsv)`,
      `ALTER TABLE quotes DROP COLUMN search_tsv`,
      `ALTER TABLE quotes ADD COLUMN search_tsv tsvector`,
      `UPDATE quotes SET search_tsv = to_tsvector('english'::regconfig, ${foldSql('text')})`,
      `CREATE INDEX quotes_search ON quotes USING GIN (search_tsv)`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
