// The other party of a named bilateral treaty (data/plover/treaties.yaml), so that "its
// withdrawal from the INF treaty" has a target.
import { ploverData } from './data.ts';

interface TreatySpec { names: string[]; parties: [string, string] }

let compiled: { re: RegExp; parties: [string, string] }[] | undefined;

function treaties(): { re: RegExp; parties: [string, string] }[] {
  compiled ??= ploverData<TreatySpec[]>('treaties').map((t) => ({
    re: new RegExp(`\\b(${t.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`),
    parties: t.parties,
  }));
  return compiled;
}

/** The country code of the treaty partner of `sourceCountry`, when `text` names a treaty it is party to. */
export function treatyCounterpart(text: string, sourceCountry: string): string | undefined {
  for (const t of treaties()) {
    // a treaty the source is no party to gives nothing, named or not: its pattern need not run
    if ((t.parties[0] !== sourceCountry && t.parties[1] !== sourceCountry) || !t.re.test(text)) continue;
    if (t.parties[0] === sourceCountry) return t.parties[1];
    if (t.parties[1] === sourceCountry) return t.parties[0];
  }
  return undefined;
}
