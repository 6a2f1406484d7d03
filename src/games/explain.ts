// The equilibrium of a game told in words: who moves, what they choose and what the other moves
// would have led to, the outcome and, for each payoff, the reason and the evidence cited for it.
import type { Behaviour } from './behaviour.ts';
import type { Assumption, Scenario } from './scenario.ts';
import { isPerfectInformation, type TreeGame, type TreeNode } from './tree.ts';
import { outcomeName, reachedTerminals, scenarioEquilibria } from './outcomes.ts';

/** A cited record's sentence, found in the store: "doc:e3" -> text. */
export type EvidenceLookup = (id: string) => string | undefined;

export function explainScenario(scenario: Scenario, lookup?: EvidenceLookup): string {
  const tree = scenario.tree;
  const { method, equilibria } = scenarioEquilibria(tree);
  const lines: string[] = [`${scenario.title}`];
  if (scenario.description) lines.push(scenario.description);
  lines.push('', `Players: ${scenario.players.map((p) => `${p.name} (${p.id}, actor ${p.actor})`).join('; ')}.`);
  lines.push(`Payoffs: ${scenario.payoffKind === 'ordinal' ? 'ordinal ranks (higher is better), middle of each range' : 'cardinal values, middle of each range'}.`);
  const perfect = isPerfectInformation(tree);
  const count = `${equilibria.length} subgame-perfect equilibri${equilibria.length === 1 ? 'um' : 'a'}`;
  lines.push(method === 'spe'
    ? (perfect ? `Solved by backward induction (every mover sees all earlier moves): ${count}.`
      : `Some moves are hidden, so it is solved subgame by subgame (a pure Nash equilibrium in each, the smallest first): ${count}.`)
    : `No pure subgame-perfect equilibrium exists (some subgame has only mixed ones), so it is read with its pure Nash equilibria: ${equilibria.length} found.`);
  if (equilibria.length === 0) return [...lines, '', 'No pure equilibrium: try sitrep game solve --method sequence or extreme.'].join('\n');
  equilibria.forEach((eq, k) => {
    lines.push('', equilibria.length > 1 ? `Equilibrium ${k + 1}:` : 'The equilibrium path:');
    lines.push(...describePath(scenario, tree, eq));
    const ends = reachedTerminals(tree, eq);
    const cited: string[] = [];
    const payoffLine = (a: Assumption, indent: string): string => {
      const range = a.low.eq(a.high) ? '' : ` (range ${a.low.toDecimalString()}-${a.high.toDecimalString()})`;
      for (const id of a.evidence) if (!cited.includes(id)) cited.push(id);
      const ev = a.evidence.length ? ` [evidence: ${a.evidence.join(', ')}]` : '';
      return `${indent}${scenario.players[a.player]!.name}: ${a.kind} ${a.nominal.toDecimalString()}${range}${a.reason ? ` - ${a.reason}` : ''}${ev}`;
    };
    for (const { node, prob } of ends) {
      const name = outcomeName(node);
      const o = scenario.outcomes.get(name);
      lines.push('', `Outcome${ends.length > 1 ? ` (probability ${prob})` : ''}: ${name}${o ? ` - ${o.text}` : ''}`);
      for (const a of o?.payoffs ?? []) lines.push(payoffLine(a, '  '));
    }
    const off = offPath(scenario, tree, eq);
    if (off.length) lines.push('', 'Off the path (what keeps it in place):', ...off);
    // every decision compares the mover's payoffs for the outcomes its moves lead to: give them with their grounds
    const rests: string[] = [];
    for (const n of tree.nodes) {
      if (n.children.length === 0 || n.infoset!.player === 0) continue;
      const p = n.infoset!.player - 1;
      const outcomes = [...new Set(n.children.flatMap((c) => leadsTo(tree, eq, c).split(' or ')))];
      const own = outcomes.map((o) => scenario.outcomes.get(o)?.payoffs.find((a) => a.player === p)).filter((a): a is Assumption => !!a);
      if (own.every((a) => !a.reason && a.evidence.length === 0)) continue;
      rests.push(`  ${n.label || mover(scenario, n)} (${mover(scenario, n)}):`);
      for (const a of own) rests.push(payoffLine(a, `    ${a.outcome} - `).replace(`${a.outcome} - ${scenario.players[a.player]!.name}: `, `${a.outcome}: `));
    }
    if (rests.length) lines.push('', 'What each choice rests on (the mover\'s payoffs for what its moves lead to):', ...rests);
    if (cited.length) {
      lines.push('', 'Evidence cited:');
      for (const id of cited) {
        const text = lookup?.(id);
        lines.push(`  evidence ${id}${text ? `: "${text}"` : lookup ? ' (not in the store)' : ' (give --db to see its sentence)'}`);
      }
    }
  });
  return lines.join('\n');
}

function mover(scenario: Scenario, n: TreeNode): string {
  const p = n.infoset!.player;
  return p === 0 ? 'Chance' : scenario.players[p - 1]!.name;
}

function chosen(eq: Behaviour, n: TreeNode): number[] {
  const set = n.infoset!;
  const probs = set.player === 0 ? set.probs! : eq[set.player - 1]![set.index]!;
  return probs.map((p, a) => (p.sign() > 0 ? a : -1)).filter((a) => a >= 0);
}

/** Where each action of a node leads under the equilibrium (the outcomes reached from there). */
function leadsTo(tree: TreeGame, eq: Behaviour, n: TreeNode): string {
  const names = new Set<string>();
  const walk = (m: TreeNode): void => {
    if (m.children.length === 0) { names.add(outcomeName(m)); return; }
    for (const a of chosen(eq, m)) walk(m.children[a]!);
  };
  walk(n);
  return [...names].join(' or ');
}

function rankOf(scenario: Scenario, player: number, outcome: string): string {
  const a = scenario.outcomes.get(outcome)?.payoffs.find((x) => x.player === player);
  return a ? a.nominal.toDecimalString() : '?';
}

function describeNode(scenario: Scenario, tree: TreeGame, eq: Behaviour, n: TreeNode, prefix: string): string[] {
  const set = n.infoset!;
  const acts = chosen(eq, n);
  const who = mover(scenario, n);
  if (set.player === 0) {
    return [`${prefix}${n.label || 'Chance moves'}: ${set.actions.map((a, i) => `${a} (${set.probs![i]})`).join(', ')}.`];
  }
  const p = set.player - 1;
  const pick = acts.map((a) => set.actions[a]).join(' / ');
  const here = leadsTo(tree, eq, n.children[acts[0]!]!);
  const others = set.actions.map((action, a) => ({ action, a })).filter(({ a }) => !acts.includes(a))
    .map(({ action, a }) => {
      const end = leadsTo(tree, eq, n.children[a]!);
      return `"${action}" would lead to ${end} (${who} ${end.split(' or ').map((o) => rankOf(scenario, p, o)).join('/')})`;
    });
  const why = `${here} (${who} ${here.split(' or ').map((o) => rankOf(scenario, p, o)).join('/')})`;
  const hidden = set.members.length > 1
    ? ` (${who} cannot tell this position from ${set.members.length - 1} other${set.members.length > 2 ? 's' : ''} in "${set.name}": the choice is weighed across them, not here alone)`
    : '';
  return [`${prefix}${n.label ? `${n.label}: ` : ''}${who} chooses "${pick}", leading to ${why}${others.length ? `; ${others.join('; ')}` : ''}${hidden}.`];
}

function describePath(scenario: Scenario, tree: TreeGame, eq: Behaviour): string[] {
  const out: string[] = [];
  let step = 1;
  const walk = (n: TreeNode): void => {
    if (n.children.length === 0) return;
    out.push(...describeNode(scenario, tree, eq, n, `  ${step++}. `));
    for (const a of chosen(eq, n)) walk(n.children[a]!);
  };
  walk(tree.root);
  return out;
}

function offPath(scenario: Scenario, tree: TreeGame, eq: Behaviour): string[] {
  const onPath = new Set<TreeNode>();
  const mark = (n: TreeNode): void => { onPath.add(n); for (const a of n.children.length ? chosen(eq, n) : []) mark(n.children[a]!); };
  mark(tree.root);
  return tree.nodes.filter((n) => n.children.length > 0 && !onPath.has(n) && n.infoset!.player !== 0)
    .flatMap((n) => describeNode(scenario, tree, eq, n, '  - '));
}
