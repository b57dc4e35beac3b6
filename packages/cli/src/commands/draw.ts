import type { Command } from 'commander';
import {
  describeDrawError,
  findLiveDraw,
  freezeDrawSession,
  loadDrawRecord,
  loadStrataFile,
  openDatabase,
  prepareDatabase,
  publishDrawSession,
  dispatchPublishedDraws,
  readConfig,
  selectDatabaseTarget,
  enterSessionSeed,
  type DatabaseHandle,
} from '@ssj/server';

const CLI_ACTOR = { userId: null, role: 'cli', departmentId: null, requestId: null };

async function withDatabase(body: (database: DatabaseHandle) => Promise<void>): Promise<void> {
  const database = await openDatabase(selectDatabaseTarget(readConfig()));
  try {
    await prepareDatabase(database, { demo: false });
    await body(database);
  } finally {
    await database.close();
  }
}

function fail(message: string, code = 1): void {
  process.stderr.write(`ssj draw: ${message}\n`);
  process.exitCode = code;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `ssj draw run|export|strata`: hold a whole draw session from the command line (freeze → seed → draw → publish)
 * and print the published record that `ssj verify` and tools/verify.py read.
 */
export function registerDrawCommand(program: Command): void {
  const draw = program
    .command('draw')
    .description('the double-random draw (抽取会) and its published records');
  draw
    .command('run')
    .description('freeze the frames, enter the seed, draw targets and inspectors, publish')
    .requiredOption('--tasks <codes>', 'task codes, comma-separated, e.g. JC2023-001,JC2023-007')
    .option('--batch <n>', 'batch number', '1')
    .requiredOption('--seed <digits>', 'at least 20 digits from dice')
    .option('--witness <name>', 'a witness (give at least two)', collect, [])
    .option('--beacon <value>', 'a pre-announced public beacon value')
    .option('--year <year>', 'plan year (default: from the task codes)')
    .option('--title <title>', 'session title')
    .option(
      '--redraw-reason <reason>',
      're-draw published batches (the old draws stay public, marked superseded)',
    )
    .action(
      async (options: {
        tasks: string;
        batch: string;
        seed: string;
        witness: string[];
        beacon?: string;
        year?: string;
        title?: string;
        redrawReason?: string;
      }) => {
        const codes = options.tasks
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');
        const batch = Number(options.batch);
        const year = Number(options.year ?? /^JC(\d{4})-/.exec(codes[0] ?? '')?.[1] ?? NaN);
        if (codes.length === 0 || !Number.isInteger(batch) || !Number.isInteger(year)) {
          fail('give --tasks JC2023-001,… and a whole --batch', 2);
          return;
        }
        await withDatabase(async ({ db }) => {
          const frozen = await freezeDrawSession(db, CLI_ACTOR, {
            year,
            title: options.title ?? `${String(year)} 抽取会（第 ${String(batch)} 批）`,
            items: codes.map((taskCode) => ({ taskCode, batch, redrawReason: options.redrawReason })),
          });
          if (!frozen.ok) {
            fail(describeDrawError(frozen.error));
            return;
          }
          for (const f of frozen.value.frames) {
            process.stdout.write(
              `frozen ${f.taskCode} batch ${String(f.batch)}: ${String(f.frameSize)} objects, ${String(f.targets)} to draw, frame ${f.frameHash}\n`,
            );
          }
          const seeded = await enterSessionSeed(db, CLI_ACTOR, frozen.value.sessionId, {
            digits: options.seed,
            beacon: options.beacon ?? null,
            witnesses: options.witness,
          });
          if (!seeded.ok) {
            fail(describeDrawError(seeded.error));
            return;
          }
          const published = await publishDrawSession(db, CLI_ACTOR, frozen.value.sessionId);
          if (!published.ok) {
            fail(describeDrawError(published.error));
            return;
          }
          for (const d of published.value.draws) {
            process.stdout.write(
              `published ${d.taskCode} batch ${String(d.batch)}: ${String(d.targets)} targets (draw ${String(d.drawId)})\n`,
            );
          }
          process.stdout.write(`session ${String(frozen.value.sessionId)} published\n`);
          const dispatched = await dispatchPublishedDraws(db, CLI_ACTOR);
          process.stdout.write(
            `dispatched ${String(dispatched.created)} inspections (${String(dispatched.joined)} joined to open visits)\n`,
          );
        });
      },
    );
  draw
    .command('export')
    .description('print the published record of a task batch (JSON)')
    .requiredOption('--task <code>', 'task code')
    .option('--batch <n>', 'batch number', '1')
    .option('--json', 'JSON output (the only format)')
    .action(async (options: { task: string; batch: string }) => {
      await withDatabase(async ({ db }) => {
        const live = await findLiveDraw(db, options.task, Number(options.batch));
        const record = live === null ? null : await loadDrawRecord(db, live.id);
        if (record === null) {
          fail(`no published draw for ${options.task} batch ${options.batch}`);
          return;
        }
        process.stdout.write(`${JSON.stringify(record, null, 1)}\n`);
      });
    });
  draw
    .command('strata')
    .description('print the sealed strata file of a task batch (auditors: full verification)')
    .requiredOption('--task <code>', 'task code')
    .option('--batch <n>', 'batch number', '1')
    .action(async (options: { task: string; batch: string }) => {
      await withDatabase(async ({ db }) => {
        const live = await findLiveDraw(db, options.task, Number(options.batch));
        const strata = live === null ? null : await loadStrataFile(db, live.id);
        if (strata === null) {
          fail(
            `no sealed strata for ${options.task} batch ${options.batch} (not drawn, or a single stratum)`,
          );
          return;
        }
        process.stdout.write(`${JSON.stringify(strata, null, 1)}\n`);
      });
    });
}
