// sitrep watch FEED...: follow feeds and OPML lists, storing each new item's article (src/feeds/).
import { Command, InvalidArgumentError } from 'commander';
import { createPipeline } from '../pipeline/index.ts';
import { isPostgresUrl, openStore, redactUrl } from '../store/index.ts';
import { FeedWatcher, describeRound } from '../feeds/watch.ts';
import { withDb, withKb } from './options.ts';

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds, 0 or more');
  return n;
}

interface WatchFlags { db: string; kb: string[]; interval: number; once?: boolean; hostDelay: number; timeout: number }

export function watchCommand(): Command {
  const cmd = new Command('watch')
    .description('follow RSS, Atom, RDF and JSON feeds and OPML lists of them: fetch each new item\'s page, analyse and store it')
    .argument('<feeds...>', 'feed or OPML addresses (http, https) or files')
    .option('--interval <seconds>', 'time between the starts of two rounds', seconds, 900)
    .option('--once', 'one round, then exit (for cron)')
    .option('--host-delay <seconds>', 'least time between two requests to one host', seconds, 1)
    .option('--timeout <seconds>', 'longest wait for one answer', seconds, 30);
  withDb(cmd);
  withKb(cmd);
  return cmd.action(async (feeds: string[], opts: WatchFlags) => {
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const store = await openStore(opts.db);
    let failed = false;
    try {
      const watcher = new FeedWatcher(store, createPipeline({ kbFiles: opts.kb }), {
        feeds, intervalSeconds: opts.interval, once: opts.once ?? false, hostDelayMs: opts.hostDelay * 1000,
        backoffMs: 60_000, timeoutMs: opts.timeout * 1000, signal: stop.signal,
      }, (line) => process.stderr.write(line + '\n'));
      await watcher.run((s) => {
        failed ||= s.failedFeeds + s.failedItems > 0;
        process.stdout.write(`${describeRound(s)} -> ${isPostgresUrl(opts.db) ? redactUrl(opts.db) : opts.db}\n`);
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close();
    }
    if (opts.once && failed) process.exitCode = 1;
  });
}
