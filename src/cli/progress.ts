// A progress bar on standard error when it is a terminal and the batch is more than a handful of documents.
import cliProgress from 'cli-progress';

export interface Progress { tick(): void; stop(): void }

const HANDFUL = 5;

export function startProgress(total: number | undefined): Progress {
  if (!process.stderr.isTTY || (total !== undefined && total <= HANDFUL)) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: total === undefined
      ? 'analysing {value} documents | {rate} docs/s'
      : 'analysing [{bar}] {value}/{total} | {rate} docs/s | {eta_formatted} left',
    etaBuffer: 200,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  let done = 0;
  bar.start(total ?? 0, 0, { rate: '0' });
  return {
    tick() {
      done++;
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      bar.update(done, { rate });
    },
    stop() { bar.stop(); },
  };
}
