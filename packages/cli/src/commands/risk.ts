import { readFileSync, writeFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import {
  checkRiskBandCuts,
  classifyRiskBand,
  DEFAULT_RISK_BAND_CUTS,
  describeRiskCsvProblem,
  describeRiskEvaluationProblem,
  describeRiskModelProblem,
  describeRiskTrainingProblem,
  evaluateRiskModel,
  explainRiskScore,
  formatRiskCsv,
  parseRiskModel,
  readRiskCsv,
  scoreRiskModel,
  synthesiseRiskRows,
  trainRiskModel,
} from '@ssj/core';
import type { RiskBandCuts, RiskCsvTable, RiskEvaluation, RiskModel } from '@ssj/core';

/** An expected failure of a risk command: message on stderr, exit code 2 (usage and input errors) or 1. */
class RiskCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new RiskCommandError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text, 'utf8');
  } catch (error) {
    throw new RiskCommandError(
      `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
}

/** Reads a risk data file; problems name the file, row and column. Absent and unknown columns are warned about. */
function readData(
  file: string,
  label: 'required' | 'optional',
  warn: (message: string) => void,
): RiskCsvTable {
  const table = readRiskCsv(readText(file), { label });
  if (!table.ok) throw new RiskCommandError(`${file}: ${describeRiskCsvProblem(table.error)}`);
  for (const column of table.value.absentColumns)
    warn(`${file} has no column ${column}: every row counts as missing it`);
  if (table.value.ignoredColumns.length > 0)
    warn(`${file}: columns ignored: ${table.value.ignoredColumns.join(', ')}`);
  return table.value;
}

function readModel(file: string): RiskModel {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof RiskCommandError) throw error;
    throw new RiskCommandError(
      `${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const model = parseRiskModel(json);
  if (!model.ok) throw new RiskCommandError(`${file}: ${describeRiskModelProblem(model.error)}`);
  return model.value;
}

function readPositiveNumber(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new RiskCommandError(`${name} must be a number > 0, not ${JSON.stringify(value)}`);
  return n;
}

function readWholeNumber(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new RiskCommandError(
      `${name} must be a whole number from 1 to ${max}, not ${JSON.stringify(value)}`,
    );
  return Number(value);
}

function readCuts(value: string | undefined): RiskBandCuts {
  if (value === undefined) return DEFAULT_RISK_BAND_CUTS;
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [medium, high] = parts;
  const checked =
    parts.length === 2 && medium !== undefined && high !== undefined
      ? checkRiskBandCuts({ medium, high })
      : undefined;
  if (checked?.ok !== true)
    throw new RiskCommandError(
      `--cuts must be MEDIUM,HIGH with 0 ≤ MEDIUM ≤ HIGH ≤ 1 (e.g. 0.2,0.4), not ${JSON.stringify(value)}`,
    );
  return checked.value;
}

function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The evaluation as a person reads it: AUC, lift, and the calibration table by decile. */
export function formatRiskEvaluation(evaluation: RiskEvaluation): string {
  const lines = [
    `rows ${evaluation.rows} (${evaluation.positives} with a violation, base rate ${formatPercent(evaluation.baseRate)})`,
    `AUC ${evaluation.auc.toFixed(3)}`,
    `lift at top decile ${evaluation.liftTopDecile.toFixed(2)} (violation rate ${formatPercent(evaluation.topDecileRate)} vs ${formatPercent(evaluation.baseRate)})`,
    `Brier score ${evaluation.brierScore.toFixed(4)}, log loss ${evaluation.logLoss.toFixed(4)}`,
    '',
    'calibration (decile 10 = highest scores)',
    'decile  rows      mean predicted  observed',
  ];
  for (const bin of evaluation.calibration)
    lines.push(
      [
        String(bin.decile).padEnd(6),
        String(Math.round(bin.rows * 10) / 10).padEnd(8),
        formatPercent(bin.meanPredicted).padEnd(14),
        formatPercent(bin.observedRate),
      ].join('  '),
    );
  return lines.join('\n') + '\n';
}

interface RiskIo {
  readonly out: (text: string) => void;
  readonly warn: (message: string) => void;
}

function runTrain(
  options: { data: string; out: string; l2: string; minLevelCount: string },
  io: RiskIo,
): void {
  const l2 = readPositiveNumber('--l2', options.l2);
  const minLevelCount = readWholeNumber('--min-level-count', options.minLevelCount, 1_000_000);
  const table = readData(options.data, 'required', io.warn);
  const model = trainRiskModel(table.rows, { l2, minLevelCount });
  if (!model.ok) throw new RiskCommandError(`${options.data}: ${describeRiskTrainingProblem(model.error)}`);
  writeText(options.out, JSON.stringify(model.value, null, 2) + '\n');
  const t = model.value.training;
  io.out(
    `trained on ${t.rows} rows (${t.positives} with a violation); ${t.iterations} Newton steps, ` +
      `${t.converged ? 'converged' : 'NOT converged'}; model written to ${options.out}\n`,
  );
}

function runScore(
  options: { model: string; data: string; explain?: boolean; cuts?: string },
  io: RiskIo,
): void {
  const cuts = readCuts(options.cuts);
  const model = readModel(options.model);
  const table = readData(options.data, 'optional', io.warn);
  const lines = [options.explain === true ? 'id,score,band,reason1,reason2,reason3' : 'id,score'];
  for (const row of table.rows) {
    if (options.explain === true) {
      const explanation = explainRiskScore(model, row, { top: 3 });
      const reasons = explanation.factors.map((f) => f.description);
      while (reasons.length < 3) reasons.push('');
      lines.push(
        [
          quoteCsvCell(row.id),
          explanation.score.toFixed(6),
          classifyRiskBand(explanation.score, cuts),
          ...reasons.map(quoteCsvCell),
        ].join(','),
      );
    } else {
      lines.push(`${quoteCsvCell(row.id)},${scoreRiskModel(model, row).toFixed(6)}`);
    }
  }
  io.out(lines.join('\n') + '\n');
}

function runEvaluate(options: { model: string; data: string; json?: boolean }, io: RiskIo): void {
  const model = readModel(options.model);
  const table = readData(options.data, 'required', io.warn);
  const evaluation = evaluateRiskModel(model, table.rows);
  if (!evaluation.ok)
    throw new RiskCommandError(`${options.data}: ${describeRiskEvaluationProblem(evaluation.error)}`);
  io.out(
    options.json === true
      ? JSON.stringify(evaluation.value, null, 2) + '\n'
      : formatRiskEvaluation(evaluation.value),
  );
}

function runSynth(options: { rows: string; seed: string; out?: string }, io: RiskIo): void {
  const rows = readWholeNumber('--rows', options.rows, 10_000_000);
  const text = formatRiskCsv(synthesiseRiskRows({ rows, seed: options.seed }));
  if (options.out === undefined) io.out(text);
  else {
    writeText(options.out, text);
    io.out(`${rows} synthetic rows written to ${options.out} (seed ${JSON.stringify(options.seed)})\n`);
  }
}

/**
 * Wraps an action: a RiskCommandError becomes a message on stderr (`ssj risk NAME: …`) and its exit code; success
 * sets exit code 0.
 */
function defineAction<T>(name: string, action: (options: T, io: RiskIo) => void): (options: T) => void {
  return (options: T) => {
    const io: RiskIo = {
      out: (text) => process.stdout.write(text),
      warn: (message) => process.stderr.write(`ssj risk ${name}: warning: ${message}\n`),
    };
    try {
      action(options, io);
      process.exitCode = 0;
    } catch (error) {
      if (!(error instanceof RiskCommandError)) throw error;
      process.stderr.write(`ssj risk ${name}: ${error.message}\n`);
      process.exitCode = error.exitCode;
    }
  };
}

/** Commander's own usage errors (a missing option, an unknown one) exit with 2 too; help and version keep 0. */
function exitWithUsageCode(error: CommanderError): never {
  throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
}

/**
 * `ssj risk train|score|evaluate|synth`: the portable part of the risk model (智慧监管, issue #9) over CSV files
 * with the columns of RISK_CSV_COLUMNS. Usage and input errors exit with 2 and name the file, row and column.
 */
export function registerRiskCommand(program: Command): void {
  const risk = program
    .command('risk')
    .description('risk model (智慧监管): train on labelled CSV rows, score, evaluate, make synthetic data');
  risk
    .command('train')
    .description(
      'train a model (L2-regularised logistic regression) on labelled rows; writes the model as JSON',
    )
    .requiredOption('--data <file>', 'CSV with id, the feature columns and violation (0/1)')
    .requiredOption('--out <file>', 'the model file to write (JSON)')
    .option('--l2 <lambda>', 'L2 penalty on the coefficients', '1')
    .option('--min-level-count <n>', 'rows a category level needs for a coefficient of its own', '10')
    .exitOverride(exitWithUsageCode)
    .action(defineAction('train', runTrain));
  risk
    .command('score')
    .description('print id,score (the predicted chance of a violation; higher = riskier) for each row')
    .requiredOption('--model <file>', 'a model written by `ssj risk train`')
    .requiredOption('--data <file>', 'CSV with id and the feature columns (violation may be absent)')
    .option('--explain', 'add the risk band (低/中/高) and the top three reasons in Chinese')
    .option(
      '--cuts <medium,high>',
      `band cut points for --explain (default ${DEFAULT_RISK_BAND_CUTS.medium},${DEFAULT_RISK_BAND_CUTS.high})`,
    )
    .exitOverride(exitWithUsageCode)
    .action(defineAction('score', runScore));
  risk
    .command('evaluate')
    .description('AUC, lift at the top decile and the calibration table of a model on labelled rows')
    .requiredOption('--model <file>', 'a model written by `ssj risk train`')
    .requiredOption('--data <file>', 'CSV with id, the feature columns and violation (0/1)')
    .option('--json', 'print the evaluation as JSON')
    .exitOverride(exitWithUsageCode)
    .action(defineAction('evaluate', runEvaluate));
  risk
    .command('synth')
    .description(
      'write synthetic labelled rows whose labels follow a hidden rule (deterministic from the seed)',
    )
    .requiredOption('--rows <n>', 'how many rows')
    .option('--seed <seed>', 'the seed (any text)', '1')
    .option('--out <file>', 'the CSV file to write (default: standard output)')
    .exitOverride(exitWithUsageCode)
    .action(defineAction('synth', runSynth));
}
