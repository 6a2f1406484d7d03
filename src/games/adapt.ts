// A Gambit tree seen as a scenario (fixed cardinal payoffs, no reasons), so that explain and
// robust work on .efg files too.
import type { Assumption, Scenario, ScenarioOutcome } from './scenario.ts';
import type { TreeGame } from './tree.ts';

export function scenarioFromTree(tree: TreeGame, file: string): Scenario {
  const outcomes = new Map<string, ScenarioOutcome>();
  const assumptions: Assumption[] = [];
  const terminals = tree.nodes.filter((n) => n.children.length === 0);
  for (const t of terminals) {
    if (t.outcome && !t.outcome.name) t.outcome.name = t.label || `outcome at node ${t.id}`;
    const name = t.outcome?.name ?? (t.label || `node ${t.id}`);
    if (outcomes.has(name)) continue;
    const payoffs = tree.players.map((_, p): Assumption => {
      const v = t.outcome?.payoffs[p];
      const value = v ?? t.outcome?.payoffs[p]!;
      return { player: p, outcome: name, kind: 'value', low: value!, high: value!, nominal: value!, evidence: [], line: 0 };
    }).filter((a) => a.nominal !== undefined);
    outcomes.set(name, { name, text: name, line: 0, payoffs });
    assumptions.push(...payoffs);
  }
  return {
    file, title: tree.title || file, description: tree.comment, payoffKind: 'cardinal',
    players: tree.players.map((name, i) => ({ id: `P${i + 1}`, actor: name, name, line: 0 })),
    outcomes, assumptions, tree,
    setPayoffs: () => { /* fixed payoffs: nothing to vary */ },
  };
}
