import cliProgress from 'cli-progress';

const PHASE_NAMES: Record<string, string> = {
  objects: '检查对象 objects',
  inspectors: '执法人员 inspectors',
};

/** A progress reporter for long phases (register generation, imports): a bar on a terminal, lines otherwise. */
export function createProgressReporter(): {
  report: (phase: string, done: number, total: number) => void;
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  let lastLogged = -1;
  const tty = process.stderr.isTTY;
  return {
    report: (phase, done, total) => {
      if (phase !== current) {
        bar?.stop();
        bar = null;
        current = phase;
        lastLogged = -1;
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              format: `${PHASE_NAMES[phase] ?? phase} [{bar}] {value}/{total} {percentage}% ETA {eta}s`,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
        }
      }
      if (bar !== null) {
        bar.update(done);
      } else {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (tenth !== lastLogged) {
          lastLogged = tenth;
          process.stderr.write(`${PHASE_NAMES[phase] ?? phase}: ${done}/${total}\n`);
        }
      }
    },
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}
