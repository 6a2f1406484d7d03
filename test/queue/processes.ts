// `sitrep` commands as child processes for the queue tests: each run's output kept line by line,
// with a way to wait for a line and for the process's end.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sitrep.js', import.meta.url));

export interface Sitrep {
  child: ChildProcess;
  /** Every line written so far, standard output and error together, in order of arrival. */
  lines: string[];
  /** Resolves with the first line (already seen or to come) that matches. */
  waitFor(match: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the process ended and its output is read. */
  exited: Promise<number | string>;
}

export function sitrep(args: string[]): Sitrep {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  const onLine = (line: string): void => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.match.test(line)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(line); }
    }
  };
  let open = 2;
  let ended: (v: number | string) => void = () => {};
  let code: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => { ended = resolve; });
  const settle = (): void => { if (open === 0 && code !== undefined) ended(code); };
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      parts.forEach(onLine);
    });
    stream.on('end', () => { if (rest) onLine(rest); open--; settle(); });
  }
  child.on('exit', (c, signal) => { code = c ?? signal ?? 'unknown'; settle(); });
  return {
    child,
    lines,
    exited,
    waitFor(match, timeoutMs) {
      const seen = lines.find((l) => match.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${match} within ${timeoutMs} ms; output:\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        waiters.push({ match, resolve: (line) => { clearTimeout(timer); resolve(line); } });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`the process ended before a line matching ${match}; output:\n${lines.slice(-20).join('\n')}`));
        });
      });
    },
  };
}
