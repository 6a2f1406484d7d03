// sitrep serve: the HTTP API over a store, on loopback unless told otherwise.
import { Command } from 'commander';
import { isPostgresUrl, openStore, redactUrl } from '../store/index.ts';
import { createServer, startServer, DEFAULT_BATCH_LIMIT, DEFAULT_BODY_LIMIT, type ApiStore } from '../server/index.ts';
import { collect as collectOption, withDb, withKb } from './options.ts';

interface ServeOptions { db: string; kb: string[]; host: string; port: string; cors: string[]; bodyLimit: string; batchLimit: string; log: boolean }

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}

export function serveCommand(): Command {
  const cmd = new Command('serve')
    .description('serve the store over HTTP: JSON API with OpenAPI at /openapi.json and docs at /docs; writing needs SITREP_TOKEN')
    .option('--host <host>', 'address to listen on (loopback by default)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 for any free one)', '8080')
    .option('--cors <origin>', 'allow this browser origin (repeatable); CORS is off otherwise', collectOption, [] as string[])
    .option('--body-limit <bytes>', 'largest request body in bytes', String(DEFAULT_BODY_LIMIT))
    .option('--batch-limit <n>', 'most documents in one POST /documents', String(DEFAULT_BATCH_LIMIT))
    .option('--log', 'log every request as JSON lines on standard error', false);
  withDb(cmd);
  withKb(cmd);
  return cmd.action(async (opts: ServeOptions) => {
    const port = opts.port === '0' ? 0 : positive(opts.port, '--port');
    const store = (await openStore(opts.db)) as ApiStore;
    const token = process.env.SITREP_TOKEN?.trim() || undefined;
    const app = await createServer({
      store, storeTarget: opts.db, token, cors: opts.cors, kbFiles: opts.kb,
      bodyLimit: positive(opts.bodyLimit, '--body-limit'), batchLimit: positive(opts.batchLimit, '--batch-limit'),
      logger: opts.log ? { level: 'info', stream: process.stderr } : false,
    });
    app.addHook('onClose', async () => { await store.close(); });
    const url = await startServer(app, opts.host, port);
    if (!['127.0.0.1', '::1', 'localhost'].includes(opts.host)) {
      process.stderr.write(`warning: listening on ${opts.host}, beyond loopback: anyone who can reach it can read the store\n`);
    }
    process.stdout.write(`sitrep on ${url} (web app at /, API docs at /docs, OpenAPI at /openapi.json); store ${isPostgresUrl(opts.db) ? redactUrl(opts.db) : opts.db}; writing ${token ? 'allowed with the token' : 'off (set SITREP_TOKEN to allow it)'}\n`);
    const stop = () => { void app.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
