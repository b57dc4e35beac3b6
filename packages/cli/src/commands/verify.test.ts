import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSampleDraw, isDetectable, listTamperings } from '../../../core/src/draw/draw-fixtures.ts';
import { runSsj } from '../testing/run-ssj.ts';
import { registerVerifyCommand } from './verify.ts';
import { runCommand, type CommandOutput } from '../testing/run-command.ts';

const VERIFY_PY = path.resolve(import.meta.dirname, '../../../../tools/verify.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

const dir = mkdtempSync(path.join(tmpdir(), 'ssj-verify-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function writeJson(value: unknown, name = `doc-${counter++}.json`): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2), 'utf8');
  return file;
}

function runCli(...args: string[]): Promise<CommandOutput> {
  return runCommand(
    (program) => {
      registerVerifyCommand(program);
    },
    ['verify', ...args],
  );
}

/** Runs tools/verify.py as its own process (async, so many can run side by side). */
function runPython(...args: string[]): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [VERIFY_PY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ out, err, code });
    });
  });
}

const single = createSampleDraw({ frameSize: 60 });
const stratified = createSampleDraw({
  frameSize: 120,
  stratified: true,
  beacon: 'drand:3141592:ab12cd',
  batch: 2,
});
const singleFile = writeJson(single.record, 'single.json');
const stratifiedFile = writeJson(stratified.record, 'stratified.json');
const strataFile = writeJson(stratified.strata, 'strata.json');

describe('ssj verify', () => {
  it('exits 0 with a short report when everything matches', async () => {
    const { out, code } = await runCli(singleFile);
    expect(code).toBe(0);
    expect(out).toContain(`OK draw ${single.record.id}, task JC-2023-017 batch 1`);
    expect(out).toContain('12 targets: tickets and selection verified');
    expect(out).toContain('12 inspector teams');
  });

  it('says what it could not check without the strata file, and checks everything with it', async () => {
    const open = await runCli(stratifiedFile);
    expect(open.code).toBe(0);
    expect(open.out).toContain('note: strata sealed: per-stratum selection not checked');
    const audit = await runCli(stratifiedFile, '--strata', strataFile);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('tickets and selection verified');
    expect(audit.out).not.toContain('note: strata sealed');
  });

  it('exits 1 and prints the first discrepancy: field, id, expected and found', async () => {
    const tampered = listTamperings(single.record).find((t) => t.label === 'targets[0].ticket');
    const file = writeJson(tampered?.record);
    const { out, code } = await runCli(file);
    expect(code).toBe(1);
    const first = single.record.targets[0];
    expect(out).toContain(`DISCREPANCY targets[0].ticket (id ${JSON.stringify(first?.id)})`);
    expect(out).toContain(`expected: ${first?.ticket ?? ''}`);
  });

  it('runs as the real ssj binary', async () => {
    const ok = await runSsj(['verify', stratifiedFile, '--strata', strataFile], {});
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('tickets and selection verified')]);
    const tampered = listTamperings(single.record).find((t) => t.label === 'frame.hash');
    const bad = await runSsj(['verify', writeJson(tampered?.record)], {});
    expect([bad.code, bad.stdout]).toEqual([1, expect.stringContaining('DISCREPANCY frame.hash')]);
    expect((await runSsj(['verify', path.join(dir, 'missing.json')], {})).code).toBe(2);
  });

  it('exits 2 when the record or the strata file cannot be read', async () => {
    expect((await runCli(path.join(dir, 'missing.json'))).code).toBe(2);
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ "format": ', 'utf8');
    expect((await runCli(notJson)).code).toBe(2);
    const wrongShape = writeJson({ ...single.record, targets: 'none' });
    const shaped = await runCli(wrongShape);
    expect([shaped.code, shaped.err]).toEqual([2, expect.stringContaining('targets must be an array')]);
    expect((await runCli(stratifiedFile, '--strata', path.join(dir, 'missing.json'))).code).toBe(2);
  });
});

describe.skipIf(!hasPython)('tools/verify.py agrees with ssj verify', () => {
  const cases = [
    { name: 'single stratum', record: single.record, strata: undefined as string | undefined },
    { name: 'stratified, public', record: stratified.record, strata: undefined },
    { name: 'stratified, with the strata file', record: stratified.record, strata: strataFile },
  ];

  it('accepts the untouched records (exit 0) with the same report', async () => {
    for (const c of cases) {
      const file = writeJson(c.record);
      const extra = c.strata === undefined ? [] : ['--strata', c.strata];
      const py = await runPython(file, ...extra, '--json');
      const ts = await runCli(file, ...extra, '--json');
      expect([py.code, ts.code], `${c.name}: ${py.err}`).toEqual([0, 0]);
      expect(JSON.parse(py.out), c.name).toEqual(JSON.parse(ts.out));
    }
    const human = await runPython(singleFile);
    expect(human.out).toContain(`OK draw ${single.record.id}`);
  });

  it('rejects tampered records with the same exit code and the same first discrepancy', async () => {
    const runs = cases.flatMap((c) =>
      listTamperings(c.record).map((t) => {
        const file = writeJson(t.record);
        const extra = c.strata === undefined ? [] : ['--strata', c.strata];
        return { c, t, file, extra, python: runPython(file, ...extra, '--json') };
      }),
    );
    let compared = 0;
    for (const { c, t, file, extra, python } of runs) {
      const py = await python;
      const ts = await runCli(file, ...extra, '--json');
      const label = `${c.name} / ${t.label}`;
      expect(py.code, `${label}: ${py.err}`).toBe(ts.code);
      expect(ts.code, label).toBe(isDetectable(t.label, c.record, c.strata !== undefined) ? 1 : 0);
      const fromPython = JSON.parse(py.out) as Record<string, unknown>;
      const fromTs = JSON.parse(ts.out) as Record<string, unknown>;
      expect(
        {
          field: fromPython.field,
          id: fromPython.id,
          expected: fromPython.expected,
          found: fromPython.found,
        },
        label,
      ).toEqual({ field: fromTs.field, id: fromTs.id, expected: fromTs.expected, found: fromTs.found });
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('checks the strata file independently (tampered file → exit 1, unreadable → exit 2)', async () => {
    const strata = stratified.strata;
    if (strata === null) throw new Error('fixture');
    const moved = writeJson({
      ...strata,
      assignments: strata.assignments.map((a, k) =>
        k === 3 ? { ...a, stratum: a.stratum === 'S1' ? 'S2' : 'S1' } : a,
      ),
    });
    const py = await runPython(stratifiedFile, '--strata', moved, '--json');
    const ts = await runCli(stratifiedFile, '--strata', moved, '--json');
    expect([py.code, ts.code]).toEqual([1, 1]);
    expect((JSON.parse(py.out) as { field: string }).field).toBe('frame.sealed');
    expect((await runPython(stratifiedFile, '--strata', path.join(dir, 'missing.json'))).code).toBe(2);
    expect((await runPython(path.join(dir, 'missing.json'))).code).toBe(2);
    const wrongShape = writeJson({ ...single.record, format: 'other' });
    expect((await runPython(wrongShape)).code).toBe(2);
  });
});
