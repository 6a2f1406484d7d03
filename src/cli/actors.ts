// sitrep actors --new [--db FILE] [--json | --yaml]: the actors found in the stored documents
// that the knowledge base does not know, for review, and a knowledge file that promotes them.
import { Command } from 'commander';
import { openStore } from '../store/index.ts';
import { gatherNewActors, newActorsYaml, type NewActor } from '../kb/new-actors.ts';
import { withDb } from './options.ts';

function line(a: NewActor): string {
  const role = a.roles.length ? `  "${a.roles[0]}"${a.roles.length > 1 ? ` (+${a.roles.length - 1})` : ''}` : '';
  const head = `${a.kind.padEnd(6)} ${(a.code || '-').padEnd(7)} ${a.name}${a.country ? ` (${a.country})` : ''}${role}  ` +
    `${a.documents} doc${a.documents === 1 ? '' : 's'}, ${a.mentions} mention${a.mentions === 1 ? '' : 's'}  [${a.id}]`;
  const also = a.variants.length ? `\n         also written: ${a.variants.join(', ')}` : '';
  return head + also + (a.example ? `\n         e.g. ${JSON.stringify(a.example.sentence.length > 200 ? a.example.sentence.slice(0, 197) + '...' : a.example.sentence)}` : '');
}

export function actorsCommand(): Command {
  const cmd = new Command('actors')
    .description('list the new actors (not in the knowledge base) found in the stored documents, to review and promote')
    .option('--new', 'the actors the knowledge base does not know (the default, and for now the only listing)')
    .option('--kind <kind>', 'only this kind: person, org, igo')
    .option('--min-docs <n>', 'only those found in at least n documents', '1')
    .option('--json', 'as JSON')
    .option('--yaml', 'as a knowledge file that adds them: review it, then pass it with --kb or list it in sitrep.config.yaml');
  withDb(cmd);
  return cmd.action(async (opts: { db: string; kind?: string; minDocs: string; json?: boolean; yaml?: boolean }) => {
    const min = Number(opts.minDocs);
    if (!Number.isInteger(min) || min < 1) throw new Error(`--min-docs must be a whole number from 1, got "${opts.minDocs}"`);
    const store = await openStore(opts.db);
    let list: NewActor[];
    try {
      list = await gatherNewActors(store.analyses(), await store.links());
    } finally {
      await store.close();
    }
    list = list.filter((a) => a.documents >= min && (!opts.kind || a.kind === opts.kind));
    if (opts.json) { process.stdout.write(JSON.stringify(list) + '\n'); return; }
    if (opts.yaml) { process.stdout.write(newActorsYaml(list)); return; }
    const docs = new Set(list.map((a) => a.example?.doc)).size;
    process.stdout.write(`${list.length} new actor${list.length === 1 ? '' : 's'} (examples from ${docs} document${docs === 1 ? '' : 's'}), most documents first:\n`);
    for (const a of list) process.stdout.write(`  ${line(a)}\n`);
    process.stdout.write('To promote them: sitrep actors --new --yaml > mine.yaml, review and edit it, check it with `sitrep kb check mine.yaml`,\n' +
      'then analyse with --kb mine.yaml (or add it under kb: in sitrep.config.yaml).\n');
  });
}
