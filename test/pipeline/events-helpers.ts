// Builds analyses by hand for the events tests: tokens from the tokenizer, mentions from a
// small name -> code table, so the events stage is tested without the actors stage.
import type { Analysis, Document, Mention, Quote } from '../../src/model/types.ts';
import { emptyAnalysis } from '../../src/model/types.ts';
import { tokenize } from '../../src/text/tokenize.ts';

export const NAMES: Record<string, string> = {
  'Russia': 'RUS', 'Russian': 'RUS', 'Moscow': 'RUSGOV', 'the Kremlin': 'RUSGOV', 'Russian troops': 'RUSMIL',
  'Belarus': 'BLR', 'Belarusian': 'BLR', 'Minsk': 'BLRGOV', 'the Belarusian military': 'BLRMIL', 'Belarusian MoD': 'BLRMIL',
  'Poland': 'POL', 'Polish': 'POL', 'Warsaw': 'POLGOV', 'the Polish Defence Ministry': 'POLMIL',
  'Lithuania': 'LTU', 'Lithuanian': 'LTU', 'Vilnius': 'LTUGOV', 'Latvia': 'LVA', 'Estonia': 'EST',
  'Ukraine': 'UKR', 'Ukrainian': 'UKR', 'Kyiv': 'UKRGOV', 'Ukrainian forces': 'UKRMIL',
  'the United States': 'USA', 'Washington': 'USAGOV', 'American': 'USA', 'the US': 'USA',
  'NATO': 'NATO', 'the EU': 'EU', 'the European Union': 'EU', 'the OSCE': 'OSCE', 'the UN': 'UN',
  'China': 'CHN', 'Beijing': 'CHNGOV', 'Germany': 'DEU', 'Berlin': 'DEUGOV', 'France': 'FRA', 'Paris': 'FRAGOV',
  'Turkey': 'TUR', 'Ankara': 'TURGOV', 'Riga': 'LVAGOV', 'Georgia': 'GEO', 'Armenia': 'ARM', 'Azerbaijan': 'AZE', 'Kazakhstan': 'KAZ',
  'Finland': 'FIN', 'Sweden': 'SWE', 'Norway': 'NOR', 'Moldova': 'MDA', 'Serbia': 'SRB', 'Hungary': 'HUN',
  'the West': 'WST', 'Western': 'WST', 'Iran': 'IRN', 'Tehran': 'IRNGOV', 'Israel': 'ISR', 'Syria': 'SYR',
  'the defence minister': 'UNKGOV', 'police': 'UNKCOP', 'protesters': 'UNKCVL', 'rebels': 'UNKREB',
  'President Lukashenko': 'BLRGOV', 'Lukashenko': 'BLRGOV', 'Putin': 'RUSGOV', 'the foreign minister': 'UNKGOV',
};

/** Every occurrence of every name (longest first, whole words) as a mention of a state-like actor. */
export function mentionsFor(body: string, names: Record<string, string> = NAMES): Mention[] {
  const taken: boolean[] = new Array(body.length).fill(false);
  const out: Mention[] = [];
  for (const name of Object.keys(names).sort((x, y) => y.length - x.length)) {
    const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
    for (const m of body.matchAll(re)) {
      const start = m.index!, end = start + name.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      out.push({ start, end, text: body.slice(start, end), kind: 'state', code: names[name], actor: `test:${names[name]}`, via: 'test' });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

export function analysisFor(body: string, options: { published?: string; quotes?: Quote[]; names?: Record<string, string> } = {}): Analysis {
  const doc: Document = { id: 'doc', source: 'test', body, meta: options.published ? { published: options.published } : {}, dropped: [] };
  const a = emptyAnalysis(doc);
  const { sentences, tokens } = tokenize(body);
  a.sentences = sentences;
  a.tokens = tokens;
  a.mentions = mentionsFor(body, options.names);
  a.quotes = options.quotes ?? [];
  return a;
}
