// The schema as a list of migrations. Each runs once, in order, and bumps schema_version.
// Plain SQL that PostgreSQL also accepts (no triggers, no SQLite-only types); "start"/"end"
// are reserved words in places, so spans are span_start/span_end.

export const MIGRATIONS: string[][] = [
  [
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
       modality TEXT NOT NULL, cameo TEXT, goldstein REAL, quad_class INTEGER, confidence REAL NOT NULL,
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
       about TEXT NOT NULL, hedge REAL NOT NULL, cues TEXT NOT NULL, PRIMARY KEY (doc_id, idx))`,
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
  ],
  [
    // documents are appended and read in stored order: the next position and each page come from this index
    `CREATE INDEX documents_position ON documents (position)`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;
