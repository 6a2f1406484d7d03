// Pure equilibria of the agent form: one agent per information set, each choosing one action, and
// no agent gains by changing its own action alone (Gambit's enumpure -A). Every profile is screened
// in floating point (continuation values bottom-up, reach top-down: one pass over the tree per
// profile), with a tolerance that can only let too many through; survivors are confirmed exactly.
import { ONE, ZERO } from '../rational.ts';
import type { Behaviour } from '../behaviour.ts';
import { Rational } from '../rational.ts';
import { terminalPayoffs, type Infoset, type TreeGame } from '../tree.ts';

export const AGENT_LIMIT = 50_000_000;

export function agentProfileCount(tree: TreeGame): number {
  return tree.infosets.slice(1).flat().reduce((n, s) => n * s.actions.length, 1);
}

export function agentPure(tree: TreeGame): Behaviour[] {
  const sets: Infoset[] = tree.infosets.slice(1).flat();
  const total = agentProfileCount(tree);
  if (total > AGENT_LIMIT) throw new Error(`the agent form has ${total.toExponential(2)} pure profiles, more than ${AGENT_LIMIT} to enumerate`);
  const players = tree.players.length;
  const nodes = tree.nodes;
  const setOf = new Map(sets.map((s, i) => [s, i]));
  const nodeSet = nodes.map((n) => (n.infoset && n.infoset.player > 0 ? setOf.get(n.infoset)! : -1));
  const terminals = terminalPayoffs(tree);
  const pay = nodes.map((n) => (n.children.length === 0 ? terminals.get(n.id)!.map((v) => v.toNumber()) : []));
  let scale = 0;
  for (const row of pay) for (const v of row) scale = Math.max(scale, Math.abs(v));
  const tol = 1e-9 * (scale || 1);
  const childIds = nodes.map((n) => n.children.map((c) => c.id));
  const chanceProbs = nodes.map((n) => (n.infoset?.player === 0 ? n.infoset.probs!.map((p) => p.toNumber()) : []));
  const value = nodes.map(() => new Float64Array(players));
  const reach = new Float64Array(nodes.length);
  const choice = new Int32Array(sets.length);
  const width = Math.max(1, ...sets.map((s) => s.actions.length));
  const gains = new Float64Array(sets.length * width);
  const out: Behaviour[] = [];
  for (let k = 0; k < total; k++) {
    let rest = k;
    for (let i = 0; i < sets.length; i++) { const m = sets[i]!.actions.length; choice[i] = rest % m; rest = Math.floor(rest / m); }
    for (let id = nodes.length - 1; id >= 0; id--) {
      const v = value[id]!;
      const kids = childIds[id]!;
      if (kids.length === 0) { const p = pay[id]!; for (let q = 0; q < players; q++) v[q] = p[q]!; continue; }
      const s = nodeSet[id]!;
      if (s >= 0) { const c = value[kids[choice[s]!]!]!; for (let q = 0; q < players; q++) v[q] = c[q]!; continue; }
      v.fill(0);
      const probs = chanceProbs[id]!;
      for (let a = 0; a < kids.length; a++) {
        const w = probs[a]!;
        if (w === 0) continue;
        const c = value[kids[a]!]!;
        for (let q = 0; q < players; q++) v[q] = v[q]! + w * c[q]!;
      }
    }
    reach.fill(0);
    reach[0] = 1;
    gains.fill(0);
    for (let id = 0; id < nodes.length; id++) {
      const r = reach[id]!;
      if (r === 0) continue;
      const kids = childIds[id]!;
      if (kids.length === 0) continue;
      const s = nodeSet[id]!;
      if (s >= 0) {
        reach[kids[choice[s]!]!] = reach[kids[choice[s]!]!]! + r;
        const p = sets[s]!.player - 1;
        const here = value[kids[choice[s]!]!]![p]!;
        for (let a = 0; a < kids.length; a++) gains[s * width + a] = gains[s * width + a]! + r * (value[kids[a]!]![p]! - here);
      } else {
        const probs = chanceProbs[id]!;
        for (let a = 0; a < kids.length; a++) reach[kids[a]!] = reach[kids[a]!]! + r * probs[a]!;
      }
    }
    let stable = true;
    for (let i = 0; i < gains.length; i++) if (gains[i]! > tol) { stable = false; break; }
    if (!stable) continue;
    const profile: Behaviour = tree.players.map((_, p) => tree.infosets[p + 1]!.map((set) => {
      const a = choice[setOf.get(set)!]!;
      return set.actions.map((_, b) => (b === a ? ONE : ZERO));
    }));
    if (exactlyStable(tree, profile, terminals)) out.push(profile);
  }
  return out;
}

/** The same test in exact arithmetic: no agent's other action gains on the nodes its set reaches. */
function exactlyStable(tree: TreeGame, profile: Behaviour, terminals: Map<number, Rational[]>): boolean {
  const nodes = tree.nodes;
  const value: Rational[][] = new Array(nodes.length);
  const pick = (n: TreeGame['nodes'][number]): number => profile[n.infoset!.player - 1]![n.infoset!.index]!.findIndex((x) => !x.isZero());
  for (let id = nodes.length - 1; id >= 0; id--) {
    const n = nodes[id]!;
    if (n.children.length === 0) { value[id] = terminals.get(id)!; continue; }
    if (n.infoset!.player > 0) { value[id] = value[n.children[pick(n)]!.id]!; continue; }
    const probs = n.infoset!.probs!;
    value[id] = tree.players.map((_, q) => n.children.reduce((s, c, a) => s.add(probs[a]!.mul(value[c.id]![q]!)), ZERO));
  }
  const reach: Rational[] = nodes.map(() => ZERO);
  reach[0] = ONE;
  const gains = new Map<Infoset, Rational[]>();
  for (const n of nodes) {
    const r = reach[n.id]!;
    if (r.isZero() || n.children.length === 0) continue;
    const set = n.infoset!;
    if (set.player === 0) { n.children.forEach((c, a) => { reach[c.id] = reach[c.id]!.add(r.mul(set.probs![a]!)); }); continue; }
    const chosen = pick(n);
    reach[n.children[chosen]!.id] = reach[n.children[chosen]!.id]!.add(r);
    const p = set.player - 1;
    const here = value[n.children[chosen]!.id]![p]!;
    let g = gains.get(set);
    if (!g) { g = set.actions.map(() => ZERO); gains.set(set, g); }
    n.children.forEach((c, a) => { g![a] = g![a]!.add(r.mul(value[c.id]![p]!.sub(here))); });
  }
  for (const g of gains.values()) if (g.some((x) => x.sign() > 0)) return false;
  return true;
}
