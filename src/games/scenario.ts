// sitrep's YAML scenario files for games (docs/games.md): players named as knowledge-base actors,
// a tree of moves (chance moves with probabilities, information sets by name), and outcomes whose
// payoffs are numbers or ordinal ranks, optionally ranges, each with a reason and the store
// records (`doc-id:e3`) that justify it. Errors name the file, the line and the field.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { yamlFields } from '../text/yaml-fields.ts';
import { ONE, Rational, ZERO } from './rational.ts';
import { finishTree, type Infoset, type Outcome, type TreeGame, type TreeNode } from './tree.ts';

export interface Assumption {
  player: number;                  // 0-based
  outcome: string;
  kind: 'rank' | 'value';
  low: Rational;
  high: Rational;
  nominal: Rational;
  reason?: string;
  evidence: string[];
  line: number;
}

export interface ScenarioPlayer { id: string; actor: string; name: string; line: number }

export interface ScenarioOutcome { name: string; text: string; line: number; payoffs: Assumption[] }

export interface Scenario {
  file: string;
  title: string;
  description: string;
  players: ScenarioPlayer[];
  payoffKind: 'ordinal' | 'cardinal';
  outcomes: Map<string, ScenarioOutcome>;
  assumptions: Assumption[];
  /** The game with every payoff at its nominal value (the middle of a range). */
  tree: TreeGame;
  /** Sets every outcome's payoffs from a value per assumption (for robustness runs). */
  setPayoffs(value: (a: Assumption) => Rational): void;
}

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) { super(problems.join('\n')); }
}

export function readScenarioFile(path: string): Scenario {
  return readScenario(readFileSync(path, 'utf8'), path);
}

export function readScenario(text: string, file = 'scenario.yaml'): Scenario {
  const { root, problems, lineOf, fail, get, str, known } = yamlFields(text, file, 'game, players, tree and outcomes', (p) => new ScenarioError(p));
  known(root, ['game', 'description', 'players', 'payoffs', 'tree', 'outcomes'], 'top level');

  const title = str(get(root, 'game')) ?? '';
  if (!title) fail(root, 'game', 'a title is required');
  const kindNode = get(root, 'payoffs');
  const payoffKind = (str(kindNode) ?? 'cardinal') as 'ordinal' | 'cardinal';
  if (payoffKind !== 'ordinal' && payoffKind !== 'cardinal') fail(kindNode, 'payoffs', `"${payoffKind}": expected ordinal or cardinal`);

  // players
  const players: ScenarioPlayer[] = [];
  const playersNode = get(root, 'players');
  if (!isSeq(playersNode) || playersNode.items.length === 0) fail(playersNode ?? root, 'players', 'a list of players is required');
  else playersNode.items.forEach((item, i) => {
    const field = `players[${i}]`;
    const n = item as YamlNode;
    if (isScalar(n)) { const id = String(n.value); players.push({ id, actor: id, name: id, line: lineOf(n) }); return; }
    if (!isMap(n)) { fail(n, field, 'a player is a name or a mapping with id, actor and name'); return; }
    known(n, ['id', 'actor', 'name'], field);
    const id = str(get(n, 'id'));
    if (!id) { fail(n, `${field}.id`, 'required'); return; }
    const actor = str(get(n, 'actor')) ?? id;
    players.push({ id, actor, name: str(get(n, 'name')) ?? actor, line: lineOf(n) });
  });
  const playerIndex = new Map(players.map((p, i) => [p.id, i]));
  if (playerIndex.size !== players.length) fail(playersNode, 'players', 'two players share an id');

  // outcomes
  const outcomes = new Map<string, ScenarioOutcome>();
  const assumptions: Assumption[] = [];
  const outcomesNode = get(root, 'outcomes');
  const number = (n: YamlNode | undefined, field: string): Rational | undefined => {
    const s = str(n);
    if (s === undefined) { fail(n, field, 'a number is required'); return undefined; }
    try { return Rational.parse(s); } catch { fail(n, field, `"${s}" is not a number`); return undefined; }
  };
  const bounds = (n: YamlNode | undefined, field: string): [Rational, Rational] | undefined => {
    if (isSeq(n)) {
      if (n.items.length !== 2) { fail(n, field, 'a range is [low, high]'); return undefined; }
      const lo = number(n.items[0] as YamlNode, `${field}[0]`), hi = number(n.items[1] as YamlNode, `${field}[1]`);
      if (!lo || !hi) return undefined;
      if (hi.lt(lo)) { fail(n, field, 'the high end is below the low end'); return undefined; }
      return [lo, hi];
    }
    const v = number(n, field);
    return v ? [v, v] : undefined;
  };
  if (!isMap(outcomesNode)) fail(outcomesNode ?? root, 'outcomes', 'a mapping from outcome names to payoffs is required');
  else for (const item of outcomesNode.items) {
    const name = isScalar(item.key) ? String(item.key.value) : '';
    const field = `outcomes.${name}`;
    const n = item.value as YamlNode;
    if (!isMap(n)) { fail(n ?? (item.key as YamlNode), field, 'an outcome is a mapping with text and payoffs'); continue; }
    known(n, ['text', 'payoffs'], field);
    const out: ScenarioOutcome = { name, text: str(get(n, 'text')) ?? name, line: lineOf(n), payoffs: [] };
    outcomes.set(name, out);
    const pays = get(n, 'payoffs');
    if (!isMap(pays)) { fail(pays ?? n, `${field}.payoffs`, 'a payoff for every player is required'); continue; }
    for (const p of pays.items) {
      const pid = isScalar(p.key) ? String(p.key.value) : '';
      const pfield = `${field}.payoffs.${pid}`;
      const player = playerIndex.get(pid);
      if (player === undefined) { fail(p.key as YamlNode, pfield, `unknown player "${pid}" (players: ${players.map((x) => x.id).join(', ')})`); continue; }
      const v = p.value as YamlNode;
      let kind: 'rank' | 'value' = payoffKind === 'ordinal' ? 'rank' : 'value';
      let range: [Rational, Rational] | undefined;
      let reason: string | undefined;
      let evidence: string[] = [];
      if (isMap(v)) {
        known(v, ['rank', 'value', 'reason', 'evidence'], pfield);
        const r = get(v, 'rank'), val = get(v, 'value');
        if (r && val) fail(v, pfield, 'give a rank or a value, not both');
        if (r) { kind = 'rank'; range = bounds(r, `${pfield}.rank`); }
        else if (val) { kind = 'value'; range = bounds(val, `${pfield}.value`); }
        else fail(v, pfield, 'a rank or a value is required');
        reason = str(get(v, 'reason'));
        const ev = get(v, 'evidence');
        if (ev !== undefined) {
          if (!isSeq(ev)) fail(ev, `${pfield}.evidence`, 'a list of store records (doc-id:e3)');
          else evidence = ev.items.map((e, k) => {
            const s = str(e as YamlNode) ?? '';
            if (!/^[^:\s]+:[^:\s]+$/.test(s)) fail(e as YamlNode, `${pfield}.evidence[${k}]`, `"${s}": expected DOCUMENT-ID:RECORD-ID`);
            return s;
          });
        }
      } else range = bounds(v, pfield);
      if (kind === 'rank' && payoffKind === 'cardinal') fail(v, pfield, 'a rank in a game whose payoffs are cardinal (set payoffs: ordinal)');
      if (kind === 'value' && payoffKind === 'ordinal') fail(v, pfield, 'a value in a game whose payoffs are ordinal (use rank)');
      if (!range) continue;
      const a: Assumption = {
        player, outcome: name, kind, low: range[0], high: range[1], nominal: range[0].add(range[1]).div(Rational.of(2n)),
        reason, evidence, line: lineOf(v),
      };
      out.payoffs.push(a);
      assumptions.push(a);
    }
    for (const pl of players) {
      if (!out.payoffs.some((a) => players[a.player] === pl)) fail(pays, `${field}.payoffs`, `no payoff for ${pl.id}`);
    }
  }

  // the tree
  const treeOutcomes = new Map<string, Outcome>();
  for (const name of outcomes.keys()) treeOutcomes.set(name, { name, payoffs: players.map(() => ZERO) });
  const sets = new Map<string, Infoset>();
  const used = new Set<string>();
  const node = (n: YamlNode | undefined, field: string): TreeNode => {
    const terminal = (): TreeNode => ({ id: 0, label: '', kind: 'terminal', children: [] });
    if (!isMap(n)) { fail(n, field, 'a move leads to a node: a mapping with player and moves, or with outcome'); return terminal(); }
    known(n, ['player', 'chance', 'label', 'infoset', 'moves', 'outcome', 'prob'], field);
    const label = str(get(n, 'label')) ?? '';
    const outcomeName = str(get(n, 'outcome'));
    const moves = get(n, 'moves');
    if (outcomeName !== undefined && !moves) {
      const o = treeOutcomes.get(outcomeName);
      if (!o) fail(get(n, 'outcome'), `${field}.outcome`, `unknown outcome "${outcomeName}"`);
      used.add(outcomeName);
      return { id: 0, label: label || outcomeName, kind: 'terminal', outcome: o, children: [] };
    }
    if (outcomeName !== undefined) fail(get(n, 'outcome'), `${field}.outcome`, 'a node with moves cannot end in an outcome');
    if (isSeq(moves)) { fail(moves, `${field}.moves`, 'moves is a mapping from each action\'s name to the node it leads to, not a list'); return terminal(); }
    if (!isMap(moves) || moves.items.length === 0) { fail(moves ?? n, `${field}.moves`, 'a decision needs at least one move (or the node needs an outcome)'); return terminal(); }
    const isChance = str(get(n, 'chance')) === 'true' || str(get(n, 'player')) === 'chance';
    const actions = moves.items.map((m) => (isScalar(m.key) ? String(m.key.value) : ''));
    let player = 0;
    if (!isChance) {
      const pid = str(get(n, 'player'));
      const p = pid === undefined ? undefined : playerIndex.get(pid);
      if (p === undefined) { fail(get(n, 'player') ?? n, `${field}.player`, pid === undefined ? 'who moves here? (player: ID, or chance: true)' : `unknown player "${pid}"`); return terminal(); }
      player = p + 1;
    }
    const probs = moves.items.map((m, k) => {
      const child = m.value as YamlNode;
      const probNode = isMap(child) ? get(child, 'prob') : undefined;
      if (!isChance) {
        if (probNode) fail(probNode, `${field}.moves.${actions[k]}.prob`, 'only chance moves have probabilities');
        return ZERO;
      }
      const pr = number(probNode, `${field}.moves.${actions[k]}.prob`);
      if (pr && (pr.sign() < 0 || pr.gt(ONE))) fail(probNode, `${field}.moves.${actions[k]}.prob`, 'a probability lies between 0 and 1');
      return pr ?? ZERO;
    });
    if (isChance && !probs.reduce((s, x) => s.add(x), ZERO).eq(ONE)) fail(moves, `${field}.moves`, 'the chance probabilities do not add up to 1');
    const setName = str(get(n, 'infoset'));
    let set: Infoset | undefined = setName ? sets.get(setName) : undefined;
    if (set) {
      if (set.player !== player) fail(get(n, 'infoset'), `${field}.infoset`, `information set "${setName}" belongs to another player`);
      if (set.actions.join('\u0000') !== actions.join('\u0000')) fail(moves, `${field}.moves`, `the nodes of information set "${setName}" must offer the same moves (${set.actions.join(', ')})`);
    } else {
      set = { player, number: 0, index: 0, name: setName ?? label, actions, members: [] };
      if (isChance) set.probs = probs;
      if (setName) sets.set(setName, set);
    }
    const children = moves.items.map((m, k) => node(m.value as YamlNode, `${field}.moves.${actions[k]}`));
    return { id: 0, label, kind: isChance ? 'chance' : 'player', infoset: set, children };
  };
  const treeNode = get(root, 'tree');
  const top = node(treeNode, 'tree');
  for (const name of outcomes.keys()) if (!used.has(name)) fail(outcomesNode, `outcomes.${name}`, 'never reached by the tree');
  if (problems.length) throw new ScenarioError(problems);

  const tree = finishTree({ kind: 'tree', title, comment: str(get(root, 'description')) ?? '', players: players.map((p) => p.name), root: top, outcomes: [...treeOutcomes.values()] });
  tree.infosets.forEach((list) => list.forEach((s, i) => { s.number = i + 1; }));
  const setPayoffs = (value: (a: Assumption) => Rational): void => {
    for (const [name, o] of outcomes) {
      const t = treeOutcomes.get(name)!;
      t.payoffs = players.map((_, p) => value(o.payoffs.find((a) => a.player === p)!));
    }
  };
  setPayoffs((a) => a.nominal);
  return { file, title, description: tree.comment, players, payoffKind, outcomes, assumptions, tree, setPayoffs };
}
