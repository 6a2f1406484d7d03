// An analyze killed in the middle of a batch resumes where it stopped: run again, it stores each
// document exactly once, and the store ends equal to that of a run never interrupted (documents in
// the same order, the same events, the same links). Real processes, a real SQLite file, SIGKILL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'sitrep.js');
const DOCS = 300;

const STATES = [['Poland', 'Warsaw'], ['Lithuania', 'Vilnius'], ['Belarus', 'Minsk'], ['Latvia', 'Riga'], ['Estonia', 'Tallinn'], ['Finland', 'Helsinki']];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A short report per index, each different, most with events. */
function report(i: number): string {
  const [a, capA] = STATES[i % STATES.length];
  const [b] = STATES[(i + 1 + (i >> 3) % 4) % STATES.length];
  const day = DAYS[i % DAYS.length];
  return `${a} and ${b} at odds over the border (${i})\n\n` +
    `${a} accused ${b} of violating its airspace on ${day}, the ${i}th such incident this year. ` +
    `The foreign ministry in ${capA} said it would summon ${b}'s ambassador.\n\n` +
    `${b} denied the charge and proposed talks with ${a} on border security. ` +
    `Officials said ${i % 7 + 2} patrol boats had been sent to the area.\n`;
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-resume-'));
  const corpus = join(dir, 'corpus');
  for (let i = 0; i < DOCS; i++) {
    const sub = join(corpus, `part-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `report-${String(i).padStart(4, '0')}.txt`), report(i));
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

function analyze(db: string) {
  const r = spawnSync(process.execPath, [bin, 'analyze', join(dir, 'corpus'), '--db', db], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every table that a document or the links fill, as sorted rows. */
function dump(db: string): Record<string, unknown[]> {
  const raw = new Database(db, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    out.documents = raw.prepare('SELECT id, source, position FROM documents ORDER BY position').all();
    for (const t of ['sentences', 'mentions', 'events', 'quotes', 'claims', 'frames', 'times', 'document_actors']) {
      out[t] = raw.prepare(`SELECT * FROM ${t} ORDER BY doc_id, idx`).all();
    }
    out.actors = raw.prepare('SELECT * FROM actors ORDER BY id').all();
    for (const t of ['same_actor', 'event_groups', 'storylines', 'storyline_events', 'near_duplicates']) {
      out[t] = raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
    }
    return out;
  } finally {
    raw.close();
  }
}

function storedCount(db: string): number {
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true });
    try { return (raw.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n; } finally { raw.close(); }
  } catch {
    return 0;   // not created yet, or its schema not yet written
  }
}

test('analyze killed mid-batch resumes: every document stored once, the store equal to an uninterrupted run', { timeout: 1_500_000 }, async () => {
  const reference = join(dir, 'reference.db');
  const whole = analyze(reference);
  assert.equal(whole.code, 0, whole.err);
  assert.match(whole.out, new RegExp(`${DOCS} documents read: ${DOCS} stored, 0 unchanged, 0 failed`));
  const expected = dump(reference);
  assert.ok((expected.events as unknown[]).length > DOCS / 2, 'the reports give events');

  // the same batch, killed once some documents are stored and before all of them are
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, [bin, 'analyze', join(dir, 'corpus'), '--db', db], { cwd: root, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let atKill = 0;
  while (child.exitCode === null && child.signalCode === null) {
    atKill = storedCount(db);
    if (atKill > 0) { child.kill('SIGKILL'); break; }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await exited, 'SIGKILL', 'the run was killed, not finished');
  const stored = storedCount(db);
  assert.ok(stored > 0 && stored < DOCS, `killed mid-batch: ${stored} of ${DOCS} documents stored`);

  const resumed = analyze(db);
  assert.equal(resumed.code, 0, resumed.err);
  assert.match(resumed.out, new RegExp(`${DOCS} documents read: ${DOCS - stored} stored, ${stored} unchanged, 0 failed`));
  const got = dump(db);
  const ids = (got.documents as { id: string }[]).map((d) => d.id);
  assert.equal(new Set(ids).size, DOCS, 'each document stored exactly once');
  for (const table of Object.keys(expected)) assert.deepEqual(got[table], expected[table], `${table} as in the uninterrupted run`);
});

test('a run stopped after storing but before linking is linked by the next run', { timeout: 600_000 }, () => {
  const db = join(dir, 'reference.db');
  const expected = dump(db);
  // what a kill between the last batch and the links leaves: documents stored, links of before
  const raw = new Database(db);
  raw.exec('DELETE FROM links_state; DELETE FROM storyline_events; DELETE FROM storylines; DELETE FROM event_groups; DELETE FROM same_actor; DELETE FROM near_duplicates');
  raw.close();
  const again = analyze(db);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, new RegExp(`${DOCS} documents read: 0 stored, ${DOCS} unchanged`));
  assert.deepEqual(dump(db), expected);
});
