// Reading matrix files: what a good one gives, and errors that name the file, line and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixError, readMatrix, readMatrixFile } from '../../src/ach/matrix.ts';

const GOOD = `matrix: Grodno talks
question: What are the talks for?
hypotheses:
  - {id: opening, text: an opening to the West}
  - {id: lever, text: a lever on Moscow}
select:
  - actors: [Belarus, Poland]
    kinds: [events, quote]
    types: [consult]
  - {actors: Belarus, text: concessions, since: 2025-05}
ignore: [abc:e9]
evidence:
  - id: abc:e1
    credibility: High
    ratings: {opening: c, lever: II}
    note: first meeting
  - text: no concession seen
    ratings: {lever: CC}
`;

test('a matrix file: hypotheses, selector blocks, ignored ids and rated items with defaults', () => {
  const m = readMatrix(GOOD, 'g.yaml');
  assert.equal(m.title, 'Grodno talks');
  assert.deepEqual(m.hypotheses.map((h) => h.id), ['opening', 'lever']);
  assert.equal(m.select.length, 2);
  assert.deepEqual([m.select[0].actors, m.select[0].kinds, m.select[0].types], [['Belarus', 'Poland'], ['event', 'quote'], ['CONSULT']]);
  assert.deepEqual([m.select[1].actors, m.select[1].text, m.select[1].since], [['Belarus'], ['concessions'], '2025-05']);
  assert.deepEqual([...m.ignore], ['abc:e9']);
  assert.deepEqual(m.rated.map((r) => [r.id, r.credibility, r.relevance, Object.fromEntries(r.ratings)]), [
    ['abc:e1', 'high', 'medium', { opening: 'C', lever: 'II' }],
    ['A1', 'medium', 'medium', { lever: 'CC' }],
  ]);
  assert.equal(m.rated[1].text, 'no concession seen');
});

const broken = (from: string, to: string) => GOOD.replace(from, to);
const problems = (text: string): string[] => {
  try { readMatrix(text, 'bad.yaml'); } catch (e) { assert.ok(e instanceof MatrixError); return e.problems; }
  assert.fail('the matrix was accepted');
};

test('bad matrix files are refused with the file, the line and the field', () => {
  const cases: [string, RegExp][] = [
    [broken('ratings: {opening: c, lever: II}', 'ratings: {opening: maybe, lever: II}'), /^bad\.yaml:15: evidence\[0\]\.ratings\.opening: "maybe" is not one of: CC, C, N, I, II, NA$/],
    [broken('lever: II}', 'levers: II}'), /^bad\.yaml:15: evidence\[0\]\.ratings\.levers: no hypothesis has the id "levers"/],
    [broken('- id: abc:e1', '- id: abc-e1'), /^bad\.yaml:13: evidence\[0\]\.id: "abc-e1" is not a store record id/],
    [broken('credibility: High', 'credibility: total'), /^bad\.yaml:14: evidence\[0\]\.credibility: "total" is not one of: high, medium, low$/],
    [broken('types: [consult]', 'types: [consult, parley]'), /^bad\.yaml:9: select\[0\]\.types: "PARLEY" is not a PLOVER type/],
    [broken('since: 2025-05', 'since: May 2025'), /^bad\.yaml:10: select\[1\]\.since: "May 2025" is not an ISO day/],
    [broken('question:', 'questions:'), /^bad\.yaml:2: top level: unknown field "questions"/],
    [broken('  - {id: lever, text: a lever on Moscow}\n', ''), /^bad\.yaml:4: hypotheses: a list of at least two hypotheses is required$/],
    [broken('{id: lever, text: a lever on Moscow}', '{id: lever, text: a lever, prior: 0.5}'), /^bad\.yaml:4: hypotheses: give a prior to every hypothesis or to none$/],
    [broken('{id: lever, text: a lever on Moscow}', '{id: opening, text: again}'), /hypotheses: two hypotheses share an id/],
    [broken('  - {actors: Belarus, text: concessions, since: 2025-05}', '  - {kinds: [claim]}'), /^bad\.yaml:10: select\[1\]: a block needs at least actors, storylines or text/],
    [broken('  - text: no concession seen\n', '  - note: nothing\n'), /^bad\.yaml:17: evidence\[1\]: an item needs id .* or text/],
    [broken('ignore: [abc:e9]', 'ignore: [abc:e9, e10]'), /^bad\.yaml:11: ignore: "e10" is not a store record id/],
    ['matrix: [unclosed', /^bad\.yaml:1: YAML: /],
  ];
  for (const [text, expected] of cases) {
    const found = problems(text);
    assert.ok(found.some((p) => expected.test(p)), `expected ${expected}, got:\n${found.join('\n')}`);
  }
});

test('every problem of a file is reported at once, and a missing file is named', () => {
  const found = problems(broken('credibility: High', 'credibility: total\n    relevance: vital'));
  assert.equal(found.length, 2);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ach-matrix-'));
  assert.throws(() => readMatrixFile(join(dir, 'none.yaml')), (e: Error) => e.message.startsWith(`${join(dir, 'none.yaml')}: cannot read the matrix file`));
  writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
  assert.throws(() => readMatrixFile(join(dir, 'list.yaml')), /list\.yaml:1: the file must be a mapping/);
});
