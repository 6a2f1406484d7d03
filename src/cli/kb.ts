// sitrep kb check [FILES...]: every problem of the knowledge files with file, line and reason.
// sitrep kb find NAME [--date DAY] [--json]: how a name resolves, and why.
import { Command } from 'commander';
import { relative } from 'node:path';
import { withKb } from './options.ts';

export function kbCommand(): Command {
  const kb = new Command('kb').description('check the knowledge files, or show how a name resolves');

  const check = new Command('check')
    .description('validate the shipped knowledge files, the config\'s and --kb files, and FILES; exit 1 on any error')
    .argument('[files...]', 'knowledge files to check with the shipped ones')
    .option('--json', 'the problems as JSON')
    .option('--coverage', 'also report, for the focus states, terms of office missing since 2000 and kinds of institution missing');
  withKb(check);
  check.action(async (files: string[], opts: { kb: string[]; json?: boolean; coverage?: boolean }) => {
    const { checkKbFiles } = await import('../kb/check.ts');
    const { yamlFiles } = await import('../kb/files.ts');
    const { KB_DIR } = await import('../kb/knowledge-base.ts');
    const paths = [...new Set([...yamlFiles(KB_DIR), ...opts.kb, ...files])];
    const problems = checkKbFiles(paths);
    const errors = problems.filter((p) => p.severity === 'error').length;
    let rows: import('../kb/coverage.ts').CoverageRow[] | undefined;
    if (opts.coverage && errors === 0) {
      const { coverage } = await import('../kb/coverage.ts');
      const { loadKnowledgeBase } = await import('../kb/knowledge-base.ts');
      rows = coverage(loadKnowledgeBase({ kbFiles: [...opts.kb, ...files] }));
    }
    if (opts.json) process.stdout.write(JSON.stringify({ files: paths.length, errors, warnings: problems.length - errors, problems, ...(rows ? { coverage: rows } : {}) }) + '\n');
    else {
      for (const r of rows ?? []) {
        const gaps = r.gaps.map((g) => `${g.office} ${g.from}..${g.to}`);
        process.stdout.write(`coverage ${r.state}: ${gaps.length ? `no holder: ${gaps.join(', ')}` : 'every office held since 2000'}` +
          `${r.missing.length ? `; no institution coded ${r.missing.join(', ')}` : ''}\n`);
      }
      for (const p of problems) {
        const file = relative(process.cwd(), p.file) || p.file;
        process.stdout.write(`${file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.where ? `${p.where}: ` : ''}${p.reason}\n`);
      }
      process.stdout.write(`${paths.length} files checked: ${errors} errors, ${problems.length - errors} warnings\n`);
    }
    if (errors > 0) process.exitCode = 1;
  });

  const find = new Command('find')
    .description('how a name resolves: the entries it matches, the listed name or rule-made variant, the office holder or role on a date, other readings')
    .argument('<name...>', 'a name or phrase ("Lukashenka", "the Polish president", "Belarus\' MoD")')
    .option('--date <day>', 'resolve titles and roles as of this day (YYYY-MM-DD), as for a document published then')
    .option('--json', 'the explanation as JSON');
  withKb(find);
  find.action(async (words: string[], opts: { kb: string[]; date?: string; json?: boolean }) => {
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date must be a day (YYYY-MM-DD), got "${opts.date}"`);
    const { loadKnowledgeBase } = await import('../kb/knowledge-base.ts');
    const { explainName, formatExplanation } = await import('../pipeline/actors/explain.ts');
    const x = explainName(loadKnowledgeBase({ kbFiles: opts.kb, explain: true }), words.join(' '), opts.date);
    process.stdout.write((opts.json ? JSON.stringify(x) : formatExplanation(x)) + '\n');
  });

  return kb.addCommand(check).addCommand(find);
}
