// Gambit's extensive-form text format (.efg, version 2): read and write, payoffs and chance
// probabilities kept exact (rationals or decimals).
import { Rational, ZERO } from './rational.ts';
import { Cursor, quote, tokenize } from './tokens.ts';
import { finishTree, type Infoset, type Outcome, type TreeGame, type TreeNode } from './tree.ts';

export function readEfg(text: string, source = 'efg'): TreeGame {
  const c = new Cursor(tokenize(text), source);
  const head = c.expect('word', 'EFG');
  if (head.text !== 'EFG') c.fail('not an .efg file (it must start with EFG)');
  if (c.expect('word', 'version').text !== '2') c.fail('only EFG version 2 is read');
  c.expect('word', 'R or D');
  const title = c.expect('string', 'title').text;
  const players = c.strings('player names');
  const comment = c.peek()?.kind === 'string' ? c.next().text : '';
  const outcomes = new Map<number, Outcome>();
  const sets = new Map<string, Infoset>();
  const number = (what: string): Rational => {
    const t = c.expect('word', what);
    try { return Rational.parse(t.text); } catch { return c.fail(`${what}: not a number: "${t.text}"`); }
  };
  const integer = (what: string): number => {
    const t = c.expect('word', what);
    if (!/^\d+$/.test(t.text)) c.fail(`${what}: not a whole number: "${t.text}"`);
    return Number(t.text);
  };
  const outcome = (): Outcome | undefined => {
    const n = integer('outcome number');
    const name = c.peek()?.kind === 'string' ? c.next().text : undefined;
    let payoffs: Rational[] | undefined;
    if (c.accept('{')) {
      payoffs = [];
      while (!c.accept('}')) payoffs.push(number('payoff'));
      if (payoffs.length !== players.length) c.fail(`outcome ${n} has ${payoffs.length} payoffs for ${players.length} players`);
    }
    if (n === 0) return undefined;
    let o = outcomes.get(n);
    if (!o) {
      o = { name: name ?? '', payoffs: payoffs ?? players.map(() => ZERO) };
      outcomes.set(n, o);
    } else if (payoffs) {
      o.payoffs = payoffs;
      if (name !== undefined) o.name = name;
    }
    return o;
  };
  const node = (): TreeNode => {
    const kind = c.expect('word', 'node type (c, p or t)').text;
    const label = c.expect('string', 'node name').text;
    if (kind === 't') {
      return { id: 0, label, kind: 'terminal', outcome: outcome(), children: [] };
    }
    if (kind !== 'c' && kind !== 'p') c.fail(`unknown node type "${kind}"`);
    const player = kind === 'c' ? 0 : integer('player number');
    if (player > players.length) c.fail(`player ${player} is not among the ${players.length} players`);
    const num = integer('information set number');
    const name = c.peek()?.kind === 'string' ? c.next().text : undefined;
    let set = sets.get(`${player}:${num}`);
    if (c.accept('{')) {
      const actions: string[] = [];
      const probs: Rational[] = [];
      while (!c.accept('}')) {
        actions.push(c.expect('string', 'action name').text);
        if (player === 0) probs.push(number('chance probability'));
      }
      if (!set) {
        set = { player, number: num, index: 0, name: name ?? '', actions, members: [] };
        if (player === 0) set.probs = probs;
        sets.set(`${player}:${num}`, set);
      } else if (set.actions.length !== actions.length) {
        c.fail(`information set ${num} of player ${player} is given ${actions.length} actions here and ${set.actions.length} before`);
      }
    }
    if (!set) return c.fail(`information set ${num} of player ${player} is used before its actions are given`);
    const n: TreeNode = { id: 0, label, kind: player === 0 ? 'chance' : 'player', infoset: set, outcome: outcome(), children: [] };
    for (let i = 0; i < set.actions.length; i++) n.children.push(node());
    return n;
  };
  const root = node();
  if (!c.done()) c.fail('text after the end of the tree');
  return finishTree({ kind: 'tree', title, comment, players, root, outcomes: [...outcomes.values()] });
}

export function writeEfg(game: TreeGame): string {
  const lines = [`EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`, quote(game.comment), ''];
  const numbers = new Map<Outcome, number>();
  const written = new Set<Infoset>();
  const outcome = (o: Outcome | undefined): string => {
    if (!o) return '0';
    let n = numbers.get(o);
    if (n === undefined) { n = numbers.size + 1; numbers.set(o, n); }
    return `${n} ${quote(o.name)} { ${o.payoffs.map(String).join(', ')} }`;
  };
  const walk = (n: TreeNode): void => {
    if (n.kind === 'terminal') {
      lines.push(`t ${quote(n.label)} ${outcome(n.outcome)}`);
      return;
    }
    const set = n.infoset!;
    let actions = '';
    if (!written.has(set)) {
      written.add(set);
      actions = set.player === 0
        ? ` { ${set.actions.map((a, i) => `${quote(a)} ${set.probs![i]}`).join(' ')} }`
        : ` { ${set.actions.map(quote).join(' ')} }`;
    }
    const who = set.player === 0 ? 'c' : `p`;
    const player = set.player === 0 ? '' : ` ${set.player}`;
    lines.push(`${who} ${quote(n.label)}${player} ${set.index + 1} ${quote(set.name)}${actions} ${outcome(n.outcome)}`);
    n.children.forEach(walk);
  };
  walk(game.root);
  return lines.join('\n') + '\n';
}
