// A corpus for incremental linking tests: generated reports (recombined paragraphs, so events
// recur across documents and storylines span chunks) and light rewrites of a few (near-duplicates
// across chunks and generations), with chunk and generation sizes small enough for many of both.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, CorpusLinks } from '../../src/model/types.ts';
import { sortStorylines } from '../../src/link/storylines.ts';
import { createPipeline } from '../../src/pipeline/index.ts';
import { ingestText } from '../../src/ingest/index.ts';
import { generateCorpus, loadParagraphs } from '../../bench/corpus.ts';

const here = fileURLToPath(new URL('../..', import.meta.url));
export const OPTIONS = { chunk: 60, generation: 8 };

/** Generated reports (recombined paragraphs, so events recur across documents) and a few light rewrites of earlier ones. */
export function corpus(): Analysis[] {
  const pipeline = createPipeline();
  const paragraphs = loadParagraphs(join(here, 'examples'), join(here, 'bench', 'fallback.txt'));
  const docs = [...generateCorpus(paragraphs, 36, 250, 5)];
  const list: Analysis[] = [];
  docs.forEach((d, n) => {
    list.push(pipeline.analyze(ingestText(d.raw, d.source, { meta: { title: d.title, published: d.published } })));
    if (n % 9 === 8) {   // a rewrite of a document a few back: a near-duplicate across chunks
      const of = docs[n - 4];
      list.push(pipeline.analyze(ingestText(of.raw.replace(/\bthe\b/, 'this'), `${of.source}-copy`, { meta: { title: of.title, published: of.published } })));
    }
  });
  return list;
}

/** Links in one order, whatever order they were saved or found in. */
export const sameOrder = (l: CorpusLinks) => ({
  sameActor: l.sameActor,
  sameEvent: [...l.sameEvent].sort((x, y) => x.id.localeCompare(y.id)),
  storylines: sortStorylines([...l.storylines]),
  nearDuplicates: [...(l.nearDuplicates ?? [])].sort((x, y) => x.doc.localeCompare(y.doc) || x.of.localeCompare(y.of)),
});

