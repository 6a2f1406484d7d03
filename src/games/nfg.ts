// Gambit's strategic-form text format (.nfg, version 1), in both of its forms: a flat list of
// payoffs, or a list of outcomes and one outcome number per profile. Payoffs stay exact.
import { Rational, ZERO } from './rational.ts';
import { Cursor, quote, tokenize } from './tokens.ts';
import { profileCount, type StrategicGame } from './strategic.ts';

export function readNfg(text: string, source = 'nfg'): StrategicGame {
  const c = new Cursor(tokenize(text), source);
  if (c.expect('word', 'NFG').text !== 'NFG') c.fail('not an .nfg file (it must start with NFG)');
  if (c.expect('word', 'version').text !== '1') c.fail('only NFG version 1 is read');
  c.expect('word', 'R or D');
  const title = c.expect('string', 'title').text;
  const players = c.strings('player names');
  c.expect('{', '{ before the strategies');
  const strategies: string[][] = [];
  if (c.peek()?.kind === '{') {
    while (!c.accept('}')) {
      c.expect('{', '{ before a player\'s strategies');
      const names: string[] = [];
      while (!c.accept('}')) names.push(c.expect('string', 'strategy name').text);
      strategies.push(names);
    }
  } else {
    while (!c.accept('}')) {
      const t = c.expect('word', 'number of strategies');
      if (!/^\d+$/.test(t.text)) c.fail(`number of strategies: not a whole number: "${t.text}"`);
      strategies.push(Array.from({ length: Number(t.text) }, (_, i) => String(i + 1)));
    }
  }
  if (strategies.length !== players.length) c.fail(`${strategies.length} strategy lists for ${players.length} players`);
  const comment = c.peek()?.kind === 'string' ? c.next().text : '';
  const number = (what: string): Rational => {
    const t = c.expect('word', what);
    try { return Rational.parse(t.text); } catch { return c.fail(`${what}: not a number: "${t.text}"`); }
  };
  const game: StrategicGame = { kind: 'strategic', title, comment, players, strategies, payoffs: [] };
  const count = profileCount(game);
  if (c.accept('{')) {
    const outcomes: Rational[][] = [];
    while (!c.accept('}')) {
      c.expect('{', '{ before an outcome');
      c.expect('string', 'outcome name');
      const pay: Rational[] = [];
      while (!c.accept('}')) pay.push(number('payoff'));
      if (pay.length !== players.length) c.fail(`an outcome has ${pay.length} payoffs for ${players.length} players`);
      outcomes.push(pay);
    }
    for (let i = 0; i < count; i++) {
      const t = c.expect('word', 'outcome number');
      const k = Number(t.text);
      if (!Number.isInteger(k) || k < 0 || k > outcomes.length) c.fail(`no outcome numbered "${t.text}"`);
      game.payoffs.push(k === 0 ? players.map(() => ZERO) : outcomes[k - 1]!);
    }
  } else {
    for (let i = 0; i < count; i++) game.payoffs.push(players.map(() => number('payoff')));
  }
  if (!c.done()) c.fail('text after the last profile');
  return game;
}

/**
 * Writes the payoff form (a flat list of payoffs), or with `form: 'outcome'` the outcome form:
 * each distinct payoff vector once, then one outcome number per profile.
 */
export function writeNfg(game: StrategicGame, options: { form?: 'payoff' | 'outcome' } = {}): string {
  if (options.form === 'outcome') {
    const index = new Map<string, number>();
    const list: string[] = [];
    const cells = game.payoffs.map((row) => {
      const k = row.map(String).join(', ');
      if (!index.has(k)) { index.set(k, index.size + 1); list.push(`{ ${quote(`o${index.size}`)} ${k} }`); }
      return index.get(k)!;
    });
    return `NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }\n\n`
      + `{ ${game.strategies.map((s) => `{ ${s.map(quote).join(' ')} }`).join('\n')}\n}\n${quote(game.comment)}\n\n`
      + `{\n${list.join('\n')}\n}\n${cells.join(' ')}\n`;
  }
  const head = `NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }\n\n`
    + `{ ${game.strategies.map((s) => `{ ${s.map(quote).join(' ')} }`).join('\n')}\n}\n${quote(game.comment)}\n\n`;
  return head + game.payoffs.map((row) => row.map(String).join(' ')).join('\n') + '\n';
}
