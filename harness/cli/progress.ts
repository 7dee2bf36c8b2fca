// Progress of a long run on stderr: a bar on a terminal, plain lines otherwise (CI logs,
// pipes), so stdout stays the report.

import cliProgress from 'cli-progress';

export interface Progress {
  tick(line: string): void;
  stop(): void;
}

export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'grading {bar} {value}/{total} | {eta_formatted} left | {last}', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { last: '' });
    return { tick: (line) => bar.increment(1, { last: line }), stop: () => bar.stop() };
  }
  let done = 0;
  return {
    tick: (line) => {
      done++;
      stream.write(`[${done}/${total}] ${line}\n`);
    },
    stop: () => undefined,
  };
}
