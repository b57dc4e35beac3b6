import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskModelSummaryDto } from '@ssj/server';
import { runCommand, type CommandOutput } from '../testing/run-command.ts';
import { registerRiskCommand } from './risk.ts';
import { formatModelSummary, registerRiskDbCommands } from './risk-db.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ssj-risk-db-'));
const saved = { dataDir: process.env['SSJ_DATA_DIR'], url: process.env['DATABASE_URL'] };
beforeAll(() => {
  // The commands open the database the environment names: a fresh PGlite directory here.
  process.env['SSJ_DATA_DIR'] = dir;
  delete process.env['DATABASE_URL'];
});
afterAll(() => {
  if (saved.dataDir === undefined) delete process.env['SSJ_DATA_DIR'];
  else process.env['SSJ_DATA_DIR'] = saved.dataDir;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<CommandOutput> {
  return runCommand(
    (program) => {
      registerRiskCommand(program);
      registerRiskDbCommands(program);
    },
    ['risk', ...args],
  );
}

describe('ssj risk train-db | models | report (the model on the database)', () => {
  it('refuses to train without published results, stores nothing, and says why', async () => {
    const refused = await run('train-db', '--as-of', '2023-07-01');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/不足以训练和评估模型/);
    const models = await run('models');
    expect(models.code).toBeUndefined();
    expect(models.out).toBe('no risk model yet: run ssj risk train-db\n');
  }, 120_000);

  it('reports a year without a model or tilted draws, and checks its options', async () => {
    const report = await run('report', '--year', '2023');
    expect(report.code).toBeUndefined();
    expect(report.out).toContain('no risk model yet');
    expect(report.out).toContain('no draw was tilted by the model this year');
    expect((await run('train-db', '--as-of', '1 July')).code).toBe(2);
    expect((await run('report', '--year', 'next')).code).toBe(2);
  }, 120_000);

  it('prints a model with its held-out evaluation and drift', () => {
    const model: RiskModelSummaryDto = {
      version: 3,
      trainedAt: '2024-01-02T00:00:00.000Z',
      trainedBy: null,
      asOf: '2024-01-01',
      window: {
        holdout: 'latest-year',
        years: [2022, 2023],
        trainRows: 900,
        trainPositives: 120,
        trainFrom: '2022-03-01',
        trainTo: '2022-12-20',
        testRows: 800,
        testPositives: 100,
        testFrom: '2023-03-01',
        testTo: '2023-12-15',
        note: '以 2022 年的结果训练，留出最近一年（2023 年）评估',
      },
      evaluation: {
        rows: 800,
        positives: 100,
        baseRate: 0.125,
        auc: 0.7,
        classOnlyAuc: 0.62,
        liftTopDecile: 2.5,
        topDecileRate: 0.3125,
        brierScore: 0.1,
        logLoss: 0.35,
        calibration: [{ decile: 10, rows: 80, meanPredicted: 0.3, observedRate: 0.3125 }],
        bands: [{ band: '高', rows: 80, positives: 25, rate: 0.3125 }],
        previous: { version: 2, auc: 0.78 },
        drift: true,
      },
      bandCuts: { medium: 0.15, high: 0.3 },
    };
    const text = formatModelSummary(model);
    expect(text).toContain('model v3 (data as of 2024-01-01): 以 2022 年的结果训练');
    expect(text).toContain('AUC 0.700 (official class alone 0.620), lift at the top decile 2.50');
    expect(text).toContain('高 25/80 31.3%');
    expect(text).toContain('previous v2 AUC 0.780 — DRIFT');
  });
});
