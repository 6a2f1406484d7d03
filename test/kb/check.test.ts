import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { checkKbFiles, type KbProblem } from '../../src/kb/check.ts';
import { yamlFiles } from '../../src/kb/files.ts';
import { KB_DIR, loadKnowledgeBase } from '../../src/kb/knowledge-base.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/check/${name}`, import.meta.url));
const shipped = yamlFiles(KB_DIR);

function problemsOf(file: string): KbProblem[] {
  return checkKbFiles([...shipped, file]).filter((p) => p.file === file);
}
const at = (ps: KbProblem[], line: number, re: RegExp) =>
  assert.ok(ps.some((p) => p.line === line && re.test(p.reason)), `no problem on line ${line} matching ${re}; got:\n${ps.map((p) => `${p.line}: ${p.reason}`).join('\n')}`);

test('the shipped knowledge files have no errors', () => {
  const errors = checkKbFiles(shipped).filter((p) => p.severity === 'error');
  assert.deepEqual(errors, []);
});

test('every kind of problem is reported with its line and reason, not only the first', () => {
  const ps = problemsOf(fixture('problems.yaml'));
  at(ps, 4, /"QQA" is no ISO 3166 alpha-3 code/);
  at(ps, 8, /unknown member state "ZZZ"/);
  at(ps, 8, /left \(2003-01-01\) before it joined \(2005-01-01\)/);
  at(ps, 12, /unknown field "alias"/);
  at(ps, 14, /ends \(2030-01-01\) before it begins \(2031-05-01\)/);
  at(ps, 15, /unknown organisation "igo:NOSUCHBLOC"/);
  at(ps, 17, /unknown state "ZZY"/);
  at(ps, 19, /unknown institution type "ministry-of-dreams"/);
  at(ps, 21, /duplicate id "org:blr-dream-institute" \(already at line 20\)/);
  at(ps, 23, /missing "country"/);
  assert.ok(ps.every((p) => p.severity === 'error' || /open term|before .* ends/.test(p.reason)));
});

test('a YAML syntax error gives its line', () => {
  const ps = problemsOf(fixture('syntax.yaml'));
  assert.equal(ps.length, 1);
  assert.equal(ps[0].line, 3);
  assert.match(ps[0].reason, /^YAML: /);
});

test('a sound user file has no errors; an office taken while another term is open is a warning', () => {
  const ps = problemsOf(fixture('clean.yaml'));
  assert.deepEqual(ps.filter((p) => p.severity === 'error'), []);
  const w = ps.find((p) => p.severity === 'warning');
  assert.ok(w && /BLR defence_minister: .* open term/.test(w.reason) && w.line === 6, JSON.stringify(ps));
});

test('a member that left keeps both days in its membership', () => {
  const kb = loadKnowledgeBase({ kbFiles: [fixture('clean.yaml')] });
  assert.deepEqual(kb.state('UKR')?.memberships?.find((m) => m.org === 'igo:TESTPACT'), { org: 'igo:TESTPACT', from: '2030-01-01', to: '2031-06-01' });
  assert.deepEqual(kb.state('BLR')?.memberships?.find((m) => m.org === 'igo:TESTPACT'), { org: 'igo:TESTPACT', from: '2030-01-01' });
});

test('loading refuses an unknown field, naming file and line', () => {
  assert.throws(() => loadKnowledgeBase({ kbFiles: [fixture('problems.yaml')] }), /problems\.yaml:\d+: /);
});
