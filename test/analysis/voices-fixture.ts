// Two invented reports on one subject (a German brigade in Lithuania), one built from sourced
// quotes, one an opinion piece built from scare quotes and judgements; analysed by the real
// pipeline and stored in a throw-away store with one hand-made storyline over their events.
import { createPipeline } from '../../src/pipeline/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Analysis, CorpusLinks } from '../../src/model/types.ts';

export const WIRE = `Germany will station a full brigade in Lithuania from next year, the German defence ministry said on Monday.

“This is the largest deployment of German troops abroad since the end of the Cold War,” Boris Pistorius told reporters in Vilnius. “We are here to stay, and we are here to defend.”

Lithuanian President Gitanas Nausėda welcomed the decision. “Our allies keep their word,” Nausėda said.

Russia’s foreign ministry said that the deployment would not go unanswered.

According to Justyna Gotkowska, an analyst at the Centre for Eastern Studies, the brigade “changes the calculus” in the region.`;

export const REVIEW = `Germany has once again discovered its "responsibility" in the east. Its decision to send a brigade to Lithuania is, quite obviously, a political gesture dressed up as strategy.

Berlin will station troops in Lithuania to reassure a nervous ally, but chances are that the so-called "forward defence" will mostly defend ministers' careers. The "Zeitenwende" might turn out to be little more than a slogan.

It is hard to see how a single brigade changes anything, and the hysteria in Vilnius about an imminent invasion is a gift to the Kremlin's propagandists.`;

export const pipeline = createPipeline();

export function analyse(body: string, outlet: string, published: string): Analysis {
  return pipeline.analyze({ id: outlet.toLowerCase().replace(/\W+/g, '-'), source: `${outlet}.txt`, body, meta: { outlet, published, title: `${outlet} on the brigade` }, dropped: [] });
}

/** The two reports stored, with one storyline over their German deployments and one storyline with no events. */
export async function voicesStore(): Promise<{ store: Store; wire: Analysis; review: Analysis }> {
  const wire = analyse(WIRE, 'Baltic Wire', '2026-03-02');
  const review = analyse(REVIEW, 'Eastern Review', '2026-03-04');
  const store = await openStore(':memory:');
  await store.saveAnalyses([wire, review]);
  // The storyline: every German deployment either report tells.
  const events = [wire, review].flatMap((a) => a.events
    .filter((e) => e.type === 'MOBILIZE' && e.source?.code.startsWith('DEU'))
    .map((e) => ({ doc: a.doc.id, event: e.id })));
  const links: CorpusLinks = {
    sameActor: {}, sameEvent: [],
    storylines: [
      { id: 'story:brigade', label: 'German brigade in Lithuania', events, actors: ['state:DEU', 'state:LTU'] },
      { id: 'story:other', label: 'German gas deliveries', events: [], actors: ['state:DEU'] },
    ],
  };
  await store.saveLinks(links);
  return { store, wire, review };
}
