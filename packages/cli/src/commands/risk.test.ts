import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { computeAuc, readRiskCsv } from '@ssj/core';
import type { RiskRow } from '@ssj/core';
import { runCommand, type CommandOutput } from '../testing/run-command.ts';
import { runSsj } from '../testing/run-ssj.ts';
import { registerRiskCommand } from './risk.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ssj-risk-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const file = (name: string): string => path.join(dir, name);

function run(...args: string[]): Promise<CommandOutput> {
  return runCommand(
    (program) => {
      registerRiskCommand(program);
    },
    ['risk', ...args],
  );
}

function readRows(name: string): readonly RiskRow[] {
  const table = readRiskCsv(readFileSync(file(name), 'utf8'), { label: 'optional' });
  if (!table.ok) throw new Error(`cannot read ${name}`);
  return table.value.rows;
}

/** Parses `id,score` output into a map. */
function readScores(out: string): Map<string, number> {
  const [header, ...lines] = out.trimEnd().split('\n');
  expect(header).toBe('id,score');
  return new Map(
    lines.map((line) => {
      const [id, score] = line.split(',');
      return [id ?? '', Number(score)];
    }),
  );
}

describe('ssj risk: the done-when checks (issue #9)', () => {
  it('on held-back synthetic data, `risk score` reaches AUC ≥ 0.75 and beats the official class by ≥ 0.05', async () => {
    expect((await run('synth', '--rows', '4000', '--seed', 'train', '--out', file('train.csv'))).code).toBe(
      0,
    );
    expect(
      (await run('synth', '--rows', '2000', '--seed', 'held-back', '--out', file('test.csv'))).code,
    ).toBe(0);
    const trained = await run('train', '--data', file('train.csv'), '--out', file('model.json'));
    expect(trained.code).toBe(0);
    expect(trained.out).toMatch(
      /^trained on 4000 rows \(\d+ with a violation\); \d+ Newton steps, converged/,
    );

    // Scoring data without its labels: what a user scores is unlabelled.
    const heldBack = readRows('test.csv');
    const unlabelled = readFileSync(file('test.csv'), 'utf8')
      .split('\n')
      .map((line) => line.replace(/,[^,]*$/, ''))
      .join('\n');
    writeFileSync(file('test-unlabelled.csv'), unlabelled);
    const scored = await run('score', '--model', file('model.json'), '--data', file('test-unlabelled.csv'));
    expect(scored.code).toBe(0);
    expect(scored.err).toBe('');
    const scores = readScores(scored.out);
    expect(scores.size).toBe(2000);
    const modelAuc = computeAuc(
      heldBack.map((row) => ({ score: scores.get(row.id) ?? Number.NaN, violation: row.violation ?? 0 })),
    );

    // The official class alone, as well as it can do: each class scored by its violation rate in training.
    const rates = new Map<string | null, { positives: number; rows: number }>();
    for (const row of readRows('train.csv')) {
      const entry = rates.get(row.riskClass) ?? { positives: 0, rows: 0 };
      entry.positives += row.violation ?? 0;
      entry.rows += 1;
      rates.set(row.riskClass, entry);
    }
    const classAuc = computeAuc(
      heldBack.map((row) => {
        const entry = rates.get(row.riskClass);
        return {
          score: entry === undefined ? 0 : entry.positives / entry.rows,
          violation: row.violation ?? 0,
        };
      }),
    );
    expect(modelAuc).toBeGreaterThanOrEqual(0.75);
    expect(modelAuc - classAuc).toBeGreaterThanOrEqual(0.05);
  });

  it('is deterministic: training twice, or on the rows shuffled, writes the same model bytes', async () => {
    await run('synth', '--rows', '1500', '--seed', 'determinism', '--out', file('d.csv'));
    await run('train', '--data', file('d.csv'), '--out', file('d1.json'));
    await run('train', '--data', file('d.csv'), '--out', file('d2.json'));
    const [header, ...lines] = readFileSync(file('d.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(file('d-reversed.csv'), [header, ...lines.reverse()].join('\n') + '\n');
    await run('train', '--data', file('d-reversed.csv'), '--out', file('d3.json'));
    const first = readFileSync(file('d1.json'), 'utf8');
    expect(readFileSync(file('d2.json'), 'utf8')).toBe(first);
    expect(readFileSync(file('d3.json'), 'utf8')).toBe(first);
    expect(JSON.parse(first)).toMatchObject({ format: 'ssj-risk-model', version: 1 });
  });

  it('scores rows with missing values, unknown categories and columns in another order without crashing', async () => {
    await run('synth', '--rows', '800', '--seed', 'small', '--out', file('small.csv'));
    await run('train', '--data', file('small.csv'), '--out', file('small.json'));
    writeFileSync(
      file('odd.csv'),
      [
        'risk_class,abnormal_list,complaints_12m,id,kind,category,region,prior_violations,age_years',
        ',,,empty,,,,,',
        'D,1,5,"odd, one",robot,space-mining,999999,3,0.5',
        'A,0,0,plain,enterprise,it-services,140571,0,20',
      ].join('\n'),
    );
    const { code, out, err } = await run('score', '--model', file('small.json'), '--data', file('odd.csv'));
    expect(code).toBe(0);
    expect(err).toMatch(/has no column registered_capital: every row counts as missing it/);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('id,score');
    expect(lines.map((l) => l.replace(/,[0-9.]+$/, ''))).toEqual([
      'id,score',
      'empty',
      '"odd, one"',
      'plain',
    ]);
    const scores = lines.slice(1).map((l) => Number(l.slice(l.lastIndexOf(',') + 1)));
    for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 1);

    const explained = await run(
      'score',
      '--model',
      file('small.json'),
      '--data',
      file('odd.csv'),
      '--explain',
    );
    expect(explained.code).toBe(0);
    const rows = explained.out.trimEnd().split('\n');
    expect(rows[0]).toBe('id,score,band,reason1,reason2,reason3');
    expect(rows[2]).toMatch(/^"odd, one",0\.\d{6},高,/);
    expect(rows[2]).toMatch(
      /近三年违法记录 3 次|列入经营异常名录|近12个月投诉举报 5 件|信用风险分类 D（高风险）/,
    );
  });

  it('evaluates a model: AUC, lift at the top decile and the calibration table, as text or JSON', async () => {
    await run('synth', '--rows', '1000', '--seed', 'eval-train', '--out', file('e-train.csv'));
    await run('synth', '--rows', '1000', '--seed', 'eval-test', '--out', file('e-test.csv'));
    await run('train', '--data', file('e-train.csv'), '--out', file('e.json'));
    const json = await run('evaluate', '--model', file('e.json'), '--data', file('e-test.csv'), '--json');
    expect(json.code).toBe(0);
    const evaluation = JSON.parse(json.out) as {
      auc: number;
      liftTopDecile: number;
      rows: number;
      calibration: { decile: number; meanPredicted: number; observedRate: number }[];
    };
    expect(evaluation.rows).toBe(1000);
    expect(evaluation.auc).toBeGreaterThan(0.7);
    expect(evaluation.liftTopDecile).toBeGreaterThan(1.5);
    expect(evaluation.calibration.map((b) => b.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const text = await run('evaluate', '--model', file('e.json'), '--data', file('e-test.csv'));
    expect(text.out).toContain(`AUC ${evaluation.auc.toFixed(3)}`);
    expect(text.out).toContain(`lift at top decile ${evaluation.liftTopDecile.toFixed(2)}`);
    expect(text.out).toMatch(/\n10 +100 +\d+\.\d% +\d+\.\d%\n$/);
  });
});

describe('ssj risk: bad input', () => {
  it('names the file, row and column of a malformed value, with exit code 2', async () => {
    writeFileSync(file('bad.csv'), 'id,age_years,violation\na,3,1\nb,three,0\n');
    const { code, err, out } = await run('train', '--data', file('bad.csv'), '--out', file('never.json'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `ssj risk train: ${file('bad.csv')}: row 3, column age_years: "three" is not a number ≥ 0\n`,
    );
  });

  it('refuses training data without labels or with one outcome, and a file that is not a model', async () => {
    writeFileSync(file('nolabel.csv'), 'id,kind\na,enterprise\n');
    const noLabel = await run('train', '--data', file('nolabel.csv'), '--out', file('never.json'));
    expect(noLabel.code).toBe(2);
    expect(noLabel.err).toMatch(/row 1 \(header\): column violation is missing/);
    writeFileSync(file('one.csv'), 'id,violation\na,0\nb,0\n');
    const one = await run('train', '--data', file('one.csv'), '--out', file('never.json'));
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/every training row has violation 0/);
    writeFileSync(file('not-model.json'), '{"format":"something-else"}');
    const notModel = await run('score', '--model', file('not-model.json'), '--data', file('one.csv'));
    expect(notModel.code).toBe(2);
    expect(notModel.err).toMatch(/not-model\.json: not a risk model/);
    const missing = await run('score', '--model', file('absent.json'), '--data', file('one.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*absent\.json/);
    const badCuts = await run(
      'score',
      '--model',
      file('absent.json'),
      '--data',
      file('one.csv'),
      '--cuts',
      '0.5',
    );
    expect(badCuts.code).toBe(2);
    expect(badCuts.err).toMatch(/--cuts must be MEDIUM,HIGH/);
    const badRows = await run('synth', '--rows', 'many');
    expect(badRows.code).toBe(2);
    expect(badRows.err).toMatch(/--rows must be a whole number/);
  });

  it('exits 2 on usage errors in a real process', async () => {
    const usage = await runSsj(['risk', 'score', '--data', file('one.csv')], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/required option '--model <file>' not specified/);
  });
});
