// A throw-away PostgreSQL server for a test run: initdb into a temporary folder, start it on a
// free loopback port with its socket in that folder, hand out fresh databases, stop and remove
// it at the end. Binaries come from /usr/lib/postgresql/*/bin (Debian's `postgresql`), or
// $SITREP_PG_BIN. As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root).
// Used by the store suite and by the server tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** A new, empty database on the server; its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The folder that holds initdb, pg_ctl and postgres, newest version first; undefined when none is installed. */
export function postgresBinaries(): string | undefined {
  const own = process.env.SITREP_PG_BIN;
  if (own) return existsSync(join(own, 'pg_ctl')) ? own : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. With SITREP_REQUIRE_POSTGRES=1
 * a missing server is a failure, not a skip: callers turn the reason into a failing test.
 */
export function postgresUnavailable(): string | undefined {
  return postgresBinaries() ? undefined : 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql, or set SITREP_PG_BIN)';
}

export const requirePostgres = process.env.SITREP_REQUIRE_POSTGRES === '1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function run(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

let counter = 0;

/** Starts a fresh server; throws when the binaries are missing (check postgresUnavailable first). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(postgresUnavailable());
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  const stopSync = () => {
    if (started) spawnSync(asRoot ? 'runuser' : pgCtl, [...(asRoot ? ['-u', 'postgres', '--', pgCtl] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);   // a crashed test run leaves no server behind
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        run(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', 'start', '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`]);
        started = true;
        break;
      } catch (err) {
        if (attempt >= 2) {
          const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
          throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${log}`);
        }
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      async createDatabase() {
        const name = `sitrep_test_${process.pid}_${++counter}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try { await client.query(`CREATE DATABASE ${name}`); } finally { await client.end(); }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.removeListener('exit', stopSync);
        stopSync();
      },
    };
  } catch (err) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw err;
  }
}
