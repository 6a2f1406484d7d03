// How the store's tables spread over a Citus cluster once one PostgreSQL server is outgrown:
// everything about one document (its body, sentences, mentions, events, quotes...) lives on the
// shard of its id, so a document is written and read on one node; actors and the small tables
// every node needs are reference tables, copied to all nodes; the corpus links are distributed
// by their own ids. The queue (pg-boss's `pgboss` schema) stays on the coordinator as local tables.
// docs/scale.md carries the SQL this writes; test/queue/citus.test.ts checks the live schema
// against these rules (no triggers, foreign keys only within a document or to reference tables).

export interface DistributedTable { table: string; column: string; colocateWith: string }

/** Copied to every node: joined with any shard. */
export const REFERENCE_TABLES = ['actors', 'actor_names', 'same_actor', 'feeds', 'links_state', 'schema_version'];

/** Sharded by a column, in colocation groups: the first table of each group is distributed first. */
export const DISTRIBUTED_TABLES: DistributedTable[] = [
  { table: 'documents', column: 'id', colocateWith: 'none' },
  // near_duplicates is a link, but keyed by the later document: it lives with that document
  ...['sentences', 'document_actors', 'mentions', 'times', 'events', 'quotes', 'claims', 'frames', 'link_digests', 'near_duplicates']
    .map((table) => ({ table, column: 'doc_id', colocateWith: 'documents' })),
  { table: 'storylines', column: 'id', colocateWith: 'none' },
  { table: 'storyline_events', column: 'storyline_id', colocateWith: 'storylines' },
  { table: 'event_groups', column: 'group_id', colocateWith: 'none' },
];

/** The statements that turn a sitrep store (created by any sitrep command) into a distributed one, in order. */
export function citusSetupSql(): string {
  return [
    ...REFERENCE_TABLES.map((t) => `SELECT create_reference_table('${t}');`),
    ...DISTRIBUTED_TABLES.map((d) => `SELECT create_distributed_table('${d.table}', '${d.column}', colocate_with => '${d.colocateWith}');`),
  ].join('\n');
}
