// How robust a scenario's equilibrium outcome is to its uncertain payoffs: sample every range and
// every ordinal ranking (a random increasing map from ranks to utilities, so only the order is
// kept), count how often each equilibrium outcome holds, and try each assumption alone at its
// extremes (or, for a fixed rank, one step up or down the player's order) to find those that flip it.
import { Rational } from './rational.ts';
import type { Assumption, Scenario } from './scenario.ts';
import { outcomeKey, scenarioEquilibria } from './outcomes.ts';
import { mulberry32 } from './solvers/approx.ts';

export interface Flip {
  assumption: Assumption;
  /** What was changed, in words: "at the low end (1)", "ranked above airbase". */
  change: string;
  value: Rational;
  outcome: string;
  /** For a range: the outcome across it, piece by piece (break points at the player's other payoffs). */
  segments?: Segment[];
}

export interface Segment { from: Rational; to: Rational; outcome: string }

export interface RobustnessReport {
  method: 'spe' | 'pure';
  samples: number;
  seed: number;
  nominal: string;
  frequencies: Array<{ outcome: string; count: number; share: number }>;
  flips: Flip[];
  /** Assumptions tried alone that left the outcome as it is. */
  stable: Assumption[];
}

export function robustness(scenario: Scenario, samples = 1000, seed = 1): RobustnessReport {
  const tree = scenario.tree;
  const solveKey = (): string => outcomeKey(tree, scenarioEquilibria(tree).equilibria);
  scenario.setPayoffs((a) => a.nominal);
  const { method } = scenarioEquilibria(tree);
  const nominal = solveKey();

  const random = mulberry32(seed);
  const counts = new Map<string, number>();
  const players = scenario.players.length;
  const maxRank = Math.max(1, ...scenario.assumptions.filter((a) => a.kind === 'rank').map((a) => Math.ceil(a.high.toNumber())));
  for (let s = 0; s < samples; s++) {
    // one random increasing map per player from rank levels 0..maxRank to utilities
    const maps = Array.from({ length: players }, () => {
      const points = [0];
      for (let k = 1; k <= maxRank + 1; k++) points.push(points[k - 1]! + 0.05 + random());
      return points;
    });
    const values = new Map<Assumption, Rational>();
    for (const a of scenario.assumptions) {
      const lo = a.low.toNumber(), hi = a.high.toNumber();
      const x = lo === hi ? lo : lo + (hi - lo) * random();
      if (a.kind === 'value') { values.set(a, lo === hi ? a.low : Rational.fromNumber(x)); continue; }
      const f = maps[a.player]!;
      const k = Math.min(Math.floor(x), maxRank);
      values.set(a, Rational.fromNumber(f[k]! + (f[k + 1]! - f[k]!) * (x - k)));
    }
    scenario.setPayoffs((a) => values.get(a)!);
    const key = solveKey();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  const flips: Flip[] = [];
  const stable: Assumption[] = [];
  for (const a of scenario.assumptions) {
    const trials: Array<[string, Rational]> = [];
    if (!a.low.eq(a.high)) {
      trials.push([`at the low end (${a.low.toDecimalString()})`, a.low], [`at the high end (${a.high.toDecimalString()})`, a.high]);
    } else if (a.kind === 'rank') {
      // one step along the player's own order: just above the next better outcome, just below the next worse
      const own = scenario.assumptions.filter((b) => b.player === a.player && b !== a);
      const above = own.filter((b) => b.nominal.gt(a.nominal)).sort((x, y) => x.nominal.cmp(y.nominal))[0];
      const below = own.filter((b) => b.nominal.lt(a.nominal)).sort((x, y) => y.nominal.cmp(x.nominal))[0];
      const half = Rational.of(1n, 2n);
      if (above) trials.push([`ranked above ${above.outcome} (${above.nominal.toDecimalString()})`, above.nominal.add(half)]);
      if (below) trials.push([`ranked below ${below.outcome} (${below.nominal.toDecimalString()})`, below.nominal.sub(half)]);
    }
    let flipped = false;
    const at = (value: Rational): string => { scenario.setPayoffs((b) => (b === a ? value : b.nominal)); return solveKey(); };
    let segments: Segment[] | undefined;
    for (const [change, value] of trials) {
      const key = at(value);
      if (key === nominal) continue;
      if (!a.low.eq(a.high)) segments ??= scan(a, scenario.assumptions, at);
      flips.push({ assumption: a, change, value, outcome: key, segments });
      flipped = true;
    }
    if (!flipped && trials.length) stable.push(a);
  }
  scenario.setPayoffs((a) => a.nominal);
  const frequencies = [...counts].map(([outcome, count]) => ({ outcome, count, share: count / samples }))
    .sort((x, y) => y.count - x.count);
  return { method, samples, seed, nominal, frequencies, flips, stable };
}

/**
 * The outcome along one range, the others at their middles: the break points an ordinal or
 * cardinal comparison can turn on are the player's other payoffs, so the outcome is evaluated at
 * each of them inside the range and between them.
 */
function scan(a: Assumption, all: Assumption[], at: (v: Rational) => string): Segment[] {
  const cuts = [a.low, a.high, ...all.filter((b) => b !== a && b.player === a.player && b.nominal.gt(a.low) && b.nominal.lt(a.high)).map((b) => b.nominal)]
    .sort((x, y) => x.cmp(y)).filter((x, i, list) => i === 0 || !x.eq(list[i - 1]!));
  const half = Rational.of(1n, 2n);
  const out: Segment[] = [];
  const push = (from: Rational, to: Rational, outcome: string): void => {
    const last = out[out.length - 1];
    if (last && last.outcome === outcome) last.to = to;
    else out.push({ from, to, outcome });
  };
  cuts.forEach((c, i) => {
    push(c, c, at(c));
    const next = cuts[i + 1];
    if (next) push(c, next, at(c.add(next).mul(half)));
  });
  return out;
}

export function renderRobustness(scenario: Scenario, r: RobustnessReport): string {
  const who = (a: Assumption): string => scenario.players[a.player]!.name;
  const whose = (a: Assumption): string => (who(a).endsWith('s') ? `${who(a)}'` : `${who(a)}'s`);
  const what = (key: string): string => key.split(' | ').map((k) => k.split(' + ').map((o) => scenario.outcomes.get(o)?.text ?? o).join(' or, by chance, ')).join('; or else ');
  const lines = [
    `${scenario.title}: how robust is the equilibrium outcome?`,
    '',
    `With every payoff at its middle value (${r.method === 'spe' ? 'subgame-perfect equilibrium' : 'pure Nash equilibria'}): ${r.nominal}`,
    `  = ${what(r.nominal)}`,
    '',
    `Across ${r.samples} samples (seed ${r.seed}; ranges drawn uniformly, ranks mapped to utilities by a random increasing scale):`,
  ];
  const named = (key: string): string => `${key} (${what(key)})`;
  for (const f of r.frequencies) lines.push(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.outcome === r.nominal ? `${f.outcome}   (the middle-value outcome)` : named(f.outcome)}`);
  lines.push('');
  // a change that only adds outcomes next to the middle-value one makes the mover indifferent: a tie, not a flip
  const parts = (key: string): string[] => key.split(' | ');
  const isTie = (f: Flip): boolean => parts(r.nominal).every((o) => parts(f.outcome).includes(o));
  const flips = r.flips.filter((f) => !isTie(f));
  const ties = r.flips.filter(isTie);
  const describe = (f: Flip, head: string): void => {
    lines.push(head);
    if (f.segments && f.segments.length > 1 && f === r.flips.find((g) => g.assumption === f.assumption)) {
      lines.push(`      across its range: ${f.segments.map((g) => `${g.from.eq(g.to) ? `at ${g.from.toDecimalString()}` : `${g.from.toDecimalString()} to ${g.to.toDecimalString()}`}: ${g.outcome}`).join('; ')}`);
    }
    if (f.assumption.reason) lines.push(`      assumption: ${f.assumption.reason}`);
    if (f.assumption.evidence.length) lines.push(`      evidence: ${f.assumption.evidence.join(', ')}`);
  };
  if (flips.length === 0) lines.push('No single assumption, changed alone, flips the outcome.');
  else {
    lines.push('Single assumptions that flip it (all others at their middle values):');
    for (const f of flips) describe(f, `  - ${whose(f.assumption)} payoff for ${f.assumption.outcome} ${f.change}: the outcome becomes ${named(f.outcome)}`);
  }
  if (ties.length) {
    lines.push('', 'Single assumptions that only tie it (the mover becomes indifferent; either outcome may follow):');
    for (const f of ties) {
      const other = parts(f.outcome).filter((o) => !parts(r.nominal).includes(o)).join(' | ');
      describe(f, `  - ${whose(f.assumption)} payoff for ${f.assumption.outcome} ${f.change}: ${r.nominal} or ${named(other)}`);
    }
  }
  if (r.stable.length) {
    lines.push('', `Tried alone without effect: ${r.stable.map((a) => `${who(a)}/${a.outcome}`).join(', ')}.`);
  }
  return lines.join('\n');
}
