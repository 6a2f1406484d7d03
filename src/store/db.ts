// The tables as Kysely sees them: one typed schema for both databases. Columns mirror schema.ts;
// JSON lists and objects are TEXT holding JSON in both, so the same rows read back the same.
import type { ColumnType, Expression, Generated } from 'kysely';

type Str = string;
type Num = number;

export interface DocumentsTable {
  id: Str; source: Str; body: Str; meta: Str; dropped: Str;
  title: Str | null; outlet: Str | null; published: Str | null; url: Str | null; position: Num;
  search_tsv?: SearchColumn;
}
/** PostgreSQL only: the text search vector, written with the row (StoreDialect.searchVector); never read back. */
type SearchColumn = ColumnType<unknown, Expression<unknown> | undefined, never>;
interface Span { doc_id: Str; idx: Num; span_start: Num; span_end: Num }
export interface SentencesTable extends Span { tok_first: Num; tok_end: Num; paragraph: Num }
export interface ActorsTable {
  id: Str; name: Str; kind: Str; code: Str; country: Str | null; aliases: Str;
  roles: Str | null; memberships: Str | null; is_new: Num | null;
}
export interface ActorNamesTable { actor_id: Str; name_key: Str }
export interface DocumentActorsTable { doc_id: Str; idx: Num; actor_id: Str }
export interface MentionsTable extends Span { text: Str; actor_id: Str | null; kind: Str; code: Str | null; role: Str | null; via: Str }
export interface TimesTable extends Span { text: Str; value_start: Str | null; value_end: Str | null; via: Str }
export interface EventsTable extends Span {
  id: Str; type: Str; mode: Str | null; context: Str | null;
  source_actor: Str | null; source_code: Str | null; source_text: Str | null; source_start: Num | null; source_end: Num | null;
  target_actor: Str | null; target_code: Str | null; target_text: Str | null; target_start: Num | null; target_end: Num | null;
  place_text: Str | null; place_start: Num | null; place_end: Num | null; place_country: Str | null;
  when_text: Str | null; when_start: Str | null; when_end: Str | null;
  modality: Str; cameo: Str | null; goldstein: Num | null; quad_class: Num | null; confidence: Num;
  via: Str; trigger_start: Num; trigger_end: Num; trigger_text: Str;
}
export interface QuotesTable extends Span {
  text: Str; kind: Str; speaker_actor: Str | null; speaker_text: Str | null; speaker_code: Str | null; cue: Str | null;
  search_tsv?: SearchColumn;
}
export interface ClaimsTable extends Span { text: Str; holder: Str; about: Str; hedge: Num; cues: Str }
export interface FramesTable extends Span { kind: Str; text: Str; category: Str | null }
export interface SameActorTable { actor_id: Str; same_as: Str }
export interface EventGroupsTable { group_id: Str; idx: Num; doc_id: Str; event_id: Str; provisional: Generated<Num> }
export interface StorylinesTable { id: Str; label: Str; actors: Str; doc_count: Num; event_count: Num; provisional: Generated<Num> }
export interface StorylineEventsTable { storyline_id: Str; idx: Num; doc_id: Str; event_id: Str; provisional: Generated<Num> }
export interface NearDuplicatesTable { doc_id: Str; of_doc: Str; similarity: Num; provisional: Generated<Num> }
export interface FeedsTable { url: Str; state: Str }
export interface LinksStateTable { id: Num; position: Num; snapshot: Str | null; epoch: Generated<Num> }
export interface LinkDigestsTable { doc_id: Str; digest: Str }
export interface SchemaVersionTable { version: Generated<Num> }
/** SQLite only: the FTS5 index of document texts (title and body) and quotes. */
export interface TextFtsTable { doc_id: Str; kind: Str; idx: Num; text: Str }

export interface DB {
  documents: DocumentsTable;
  sentences: SentencesTable;
  actors: ActorsTable;
  actor_names: ActorNamesTable;
  document_actors: DocumentActorsTable;
  mentions: MentionsTable;
  times: TimesTable;
  events: EventsTable;
  quotes: QuotesTable;
  claims: ClaimsTable;
  frames: FramesTable;
  same_actor: SameActorTable;
  event_groups: EventGroupsTable;
  storylines: StorylinesTable;
  storyline_events: StorylineEventsTable;
  near_duplicates: NearDuplicatesTable;
  feeds: FeedsTable;
  schema_version: SchemaVersionTable;
  links_state: LinksStateTable;
  link_digests: LinkDigestsTable;
  text_fts: TextFtsTable;
}
