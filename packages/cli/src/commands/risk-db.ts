import type { Command } from 'commander';
import {
  buildRiskReport,
  describeRiskTrainingError,
  listRiskModels,
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
  simulateYearWithRiskTilt,
  trainRiskModelFromDatabase,
  type DatabaseHandle,
  type RiskDetectionRowDto,
  type RiskModelSummaryDto,
  type RiskTiltComparisonDto,
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
  process.stderr.write(`ssj risk: ${message}\n`);
  process.exitCode = code;
}

/** Today in China, YYYY-MM-DD. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A model's evaluation in a few lines of text. */
export function formatModelSummary(m: RiskModelSummaryDto): string {
  const e = m.evaluation;
  const lines = [
    `model v${String(m.version)} (data as of ${m.asOf}): ${m.window.note}`,
    `  trained on ${String(m.window.trainRows)} object-years (${String(m.window.trainPositives)} with a problem), ` +
      `held out ${String(m.window.testRows)} (${String(m.window.testPositives)})`,
    `  AUC ${e.auc.toFixed(3)} (official class alone ${e.classOnlyAuc === null ? '—' : e.classOnlyAuc.toFixed(3)}), ` +
      `lift at the top decile ${e.liftTopDecile.toFixed(2)}, Brier ${e.brierScore.toFixed(4)}`,
    `  held out by band: ${e.bands.map((b) => `${b.band} ${String(b.positives)}/${String(b.rows)} ${percent(b.rate)}`).join(', ')}`,
    `  calibration (decile: predicted → observed): ${e.calibration
      .map((c) => `${String(c.decile)}: ${percent(c.meanPredicted)}→${percent(c.observedRate)}`)
      .join(', ')}`,
  ];
  if (e.previous !== null)
    lines.push(
      `  previous v${String(e.previous.version)} AUC ${e.previous.auc.toFixed(3)}${e.drift ? ' — DRIFT: AUC dropped by more than 0.05' : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

function formatRows(rows: readonly RiskDetectionRowDto[]): string {
  return rows
    .map((r) => `  ${r.label}: ${String(r.nonCompliant)}/${String(r.inspections)} ${percent(r.rate)}\n`)
    .join('');
}

function formatComparisons(rows: readonly RiskTiltComparisonDto[]): string {
  return rows
    .map(
      (r) =>
        `  ${r.label}: model strata ${String(r.tilted.nonCompliant)}/${String(r.tilted.inspections)} ${percent(r.tilted.rate)}, ` +
        `control ${String(r.control.nonCompliant)}/${String(r.control.inspections)} ${percent(r.control.rate)}, ` +
        `lift ${r.lift === null ? '—' : r.lift.toFixed(2)}; all targets ${percent(r.all.rate)} against ` +
        `${percent(r.uniformEstimate)} estimated for uniform draws (×${r.estimatedLift === null ? '—' : r.estimatedLift.toFixed(2)})\n`,
    )
    .join('');
}

/**
 * `ssj risk train-db | models | report`: the risk model on the platform's own database (issue #9), beside the
 * file-based `ssj risk train | score | evaluate`. Registered under the existing `risk` command.
 */
export function registerRiskDbCommands(program: Command): void {
  const risk =
    program.commands.find((c) => c.name() === 'risk') ??
    program.command('risk').description('risk model (智慧监管)');
  risk
    .command('train-db')
    .description(
      'train a new model version from the published results in the database (latest year, or last 25% of one, held out)',
    )
    .option('--as-of <date>', 'read the results as of this day (default: today)')
    .option('--json', 'print the stored model summary as JSON')
    .action(async (options: { asOf?: string; json?: boolean }) => {
      const asOf = options.asOf ?? chinaToday();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
        fail('--as-of must be a date YYYY-MM-DD', 2);
        return;
      }
      await withDatabase(async ({ db }) => {
        const trained = await trainRiskModelFromDatabase(db, CLI_ACTOR, { asOf });
        if (!trained.ok) {
          fail(describeRiskTrainingError(trained.error));
          return;
        }
        const { models } = await listRiskModels(db);
        const model = models.find((m) => m.version === trained.value.version);
        if (model === undefined) return;
        process.stdout.write(
          options.json === true ? `${JSON.stringify(model, null, 1)}\n` : formatModelSummary(model),
        );
      });
    });
  risk
    .command('models')
    .description('the stored model versions with their held-out evaluation, newest first')
    .option('--json', 'JSON output')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const list = await listRiskModels(db);
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(list, null, 1)}\n`);
          return;
        }
        if (list.models.length === 0) process.stdout.write('no risk model yet: run ssj risk train-db\n');
        for (const m of list.models) process.stdout.write(formatModelSummary(m));
        if (list.driftWarning !== null) process.stdout.write(`warning: ${list.driftWarning}\n`);
      });
    });
  risk
    .command('report')
    .description('detection rate by model band and official class; tilted draws against their control sample')
    .requiredOption('--year <year>', 'plan year')
    .option('--json', 'JSON output')
    .action(async (options: { year: string; json?: boolean }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        fail('--year must be a year such as 2023', 2);
        return;
      }
      await withDatabase(async ({ db }) => {
        const report = await buildRiskReport(db, year);
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
          return;
        }
        process.stdout.write(`detection rate ${String(year)} (published inspections with a problem found)\n`);
        if (report.model === null) process.stdout.write('no risk model yet: run ssj risk train-db\n');
        else {
          process.stdout.write(
            `by band of model v${String(report.model.version)}:\n${formatRows(report.byBand)}`,
          );
          process.stdout.write(`  out of sample only:\n${formatRows(report.byBandAfterTraining)}`);
        }
        process.stdout.write(`by official class:\n${formatRows(report.byClass)}`);
        if (report.tilt === null) {
          process.stdout.write('no draw was tilted by the model this year\n');
          return;
        }
        process.stdout.write(
          `model-tilted draws (${String(report.tilt.draws)}) against their uniform control sample:\n` +
            formatComparisons([report.tilt.overall]) +
            `per task:\n${formatComparisons(report.tilt.byTask)}per sector:\n${formatComparisons(report.tilt.bySector)}` +
            `draws not tilted by the model:\n${formatRows([report.tilt.untilted])}`,
        );
      });
    });
}

/** `ssj demo --simulate-year YEAR --risk-tilt`: plays the year in two halves with model tilting, prints the measure. */
export async function runRiskTiltSimulation(db: DatabaseHandle['db'], year: number): Promise<void> {
  const summary = await simulateYearWithRiskTilt(db, {
    year,
    actor: { userId: null, role: 'simulation', departmentId: null, requestId: null },
    onProgress: (step) => process.stderr.write(`simulate ${String(year)}: ${step}\n`),
  });
  for (const [half, s] of [
    ['first half', summary.firstHalf],
    ['second half', summary.secondHalf],
  ] as const)
    process.stdout.write(
      `simulated ${String(year)} ${half}: ${String(s.draws)} draws, ${String(s.inspections)} inspections, ` +
        `${String(s.published)} published\n`,
    );
  const { models } = await listRiskModels(db);
  const model = models.find((m) => m.version === summary.model.version);
  if (model !== undefined) process.stdout.write(formatModelSummary(model));
  const d = summary.secondHalfDetection;
  const line = (label: string, t: { inspections: number; nonCompliant: number; rate: number | null }) =>
    `  ${label}: ${String(t.nonCompliant)}/${String(t.inspections)} ${percent(t.rate)}\n`;
  process.stdout.write(
    `second half, ${String(summary.tiltedTasks)} tasks tilted by the model; non-compliance found per inspection:\n` +
      line('model-tilted tasks (all targets)', d.modelTilted) +
      line('  their model strata', d.modelStrata) +
      line('  their uniform control sample', d.control) +
      line('uniform tasks (not tilted, not risk-based)', d.uniform) +
      line('tasks drawn by official class', d.officialClass),
  );
  const overall = summary.report.tilt?.overall;
  if (overall !== undefined)
    process.stdout.write(
      `model-tilted draws of the year: ${percent(overall.all.rate)} found against ${percent(overall.uniformEstimate)} ` +
        `estimated for uniform draws of the same frames (×${overall.estimatedLift === null ? '—' : overall.estimatedLift.toFixed(2)}); ` +
        `model strata ${percent(overall.tilted.rate)}, control sample ${percent(overall.control.rate)}\n`,
    );
}
