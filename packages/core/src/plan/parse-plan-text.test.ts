/**
 * The seed notice (晋城 2023, 350 tasks) end to end, the hand-checked fixture field by field, and a
 * plausibility self-check over all 350 tasks. Skips cleanly when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse-plan-text.ts';
import type { PlanTask, PlanWarning } from './plan-types.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;
const fixturePath = `${repoRoot}../shared/fixtures/plan-sample.json`;

/** Texts are compared without whitespace (line-wrap spaces may differ, per the fixture's conventions). */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, '');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

const TASK_FIELDS = [
  'seq',
  'seqPrinted',
  'region',
  'name',
  'riskBased',
  'initiators',
  'cooperators',
] as const;
const LINE_FIELDS = [
  'matters',
  'scope',
  'ratio',
  'timesPerYear',
  'minCount',
  'approxCount',
  'window',
] as const;

describe.skipIf(!existsSync(seedPath))('parsePlanText on the seed notice', () => {
  const parse = parsePlanText(existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '');
  const warnedSeqs = new Set(parse.warnings.map((w) => w.seq));
  const warningsOf = (seq: number): PlanWarning[] => parse.warnings.filter((w) => w.seq === seq);

  it('reads exactly 350 tasks, numbered 1..350', () => {
    expect(parse.tasks).toHaveLength(350);
    expect(parse.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));
  });

  it('segments the regions by their declared counts, in notice order', () => {
    const counts: [string, number][] = [];
    for (const t of parse.tasks) {
      const last = counts[counts.length - 1];
      if (last?.[0] === t.region) last[1]++;
      else counts.push([t.region, 1]);
    }
    expect(counts).toEqual([
      ['晋城市本级', 58],
      ['城区', 34],
      ['泽州县', 48],
      ['高平市', 49],
      ['阳城县', 51],
      ['陵川县', 46],
      ['沁水县', 62],
      ['开发区', 2],
    ]);
  });

  it('gives every task a name, a line and an initiator, or a warning', () => {
    for (const t of parse.tasks) {
      expect(t.lines.length).toBeGreaterThan(0);
      if (t.name === null || t.name === '' || t.initiators.length === 0) {
        expect(warnedSeqs.has(t.seq), `task ${t.seq}`).toBe(true);
      }
    }
  });

  it('gives every warning source lines, and nothing is silently dropped', () => {
    for (const w of parse.warnings) {
      expect(w.lines.length).toBeGreaterThan(0);
      expect(w.message).not.toBe('');
    }
    // Every non-empty table row of the annex ends up in a task or a warning.
    const text = readFileSync(seedPath, 'utf8').split('\n');
    const dataLines = text
      .map((l, i) => ({ l, n: i + 1 }))
      .filter(({ l }) => l.split('\t').length >= 3 && !l.includes('抽查任务名称'))
      .map(({ n }) => n);
    const covered = new Set(parse.warnings.flatMap((w) => w.lines));
    const taskNames = new Set(parse.tasks.map((t) => (t.name ?? '').replace(/\s+/g, '')));
    for (const n of dataLines) {
      const cells = (text[n - 1] ?? '').split('\t').map((c) => c.replace(/\s+/g, ''));
      const named = cells.some((c) => c !== '' && taskNames.has(c.replace(/^\d+/, '')));
      expect(named || covered.has(n), `line ${n}`).toBe(true);
    }
  });

  it('self-check: every field plausible or warned (numbers printed)', () => {
    const stats = {
      lines: 0,
      ratioOk: 0,
      ratioWarned: 0,
      windowOk: 0,
      windowWarned: 0,
      timesOk: 0,
      timesWarned: 0,
    };
    const departments = { printed: 0, canonical: 0, warned: 0 };
    let tasksWithWarnings = 0;
    let implausibleUnwarned = 0;
    for (const t of parse.tasks) {
      const warned = warningsOf(t.seq).length > 0;
      if (warned) tasksWithWarnings++;
      for (const line of t.lines) {
        stats.lines++;
        const ratioOk = line.ratio !== null && line.ratio.percent > 0 && line.ratio.percent <= 100;
        const windowOk =
          line.window !== null &&
          line.window.fromMonth >= 1 &&
          line.window.toMonth <= 12 &&
          line.window.fromMonth <= line.window.toMonth;
        const timesOk = line.timesPerYear !== null && line.timesPerYear >= 1 && line.timesPerYear <= 12;
        if (ratioOk) stats.ratioOk++;
        else if (warned) stats.ratioWarned++;
        if (windowOk) stats.windowOk++;
        else if (warned) stats.windowWarned++;
        if (timesOk) stats.timesOk++;
        else if (warned) stats.timesWarned++;
        if ((!ratioOk || !windowOk || !timesOk) && !warned) implausibleUnwarned++;
      }
      const printed = t.initiators.length + t.cooperators.length;
      const canonical = t.initiatorDepartments.length + t.cooperatorDepartments.length;
      departments.printed += printed;
      departments.canonical += canonical;
      if (canonical < printed) {
        departments.warned += printed - canonical;
        if (!warned) implausibleUnwarned++;
      }
    }
    console.log(
      `plan self-check: ${parse.tasks.length} tasks, ${stats.lines} lines; ` +
        `ratio ok ${stats.ratioOk} + warned ${stats.ratioWarned}; window ok ${stats.windowOk} + warned ${stats.windowWarned}; ` +
        `frequency ok ${stats.timesOk} + warned ${stats.timesWarned}; departments printed ${departments.printed}, ` +
        `canonical ${departments.canonical}, unresolved ${departments.warned}; ` +
        `${tasksWithWarnings} tasks carry warnings, ${parse.warnings.length} warnings`,
    );
    expect(implausibleUnwarned).toBe(0);
    expect(stats.ratioOk + stats.ratioWarned).toBe(stats.lines);
    expect(stats.windowOk + stats.windowWarned).toBe(stats.lines);
  });
});

interface FixtureTask extends Omit<PlanTask, 'initiatorDepartments' | 'cooperatorDepartments'> {
  readonly notes: string;
}

describe.skipIf(!existsSync(seedPath) || !existsSync(fixturePath))('the hand-checked fixture', () => {
  const parse = parsePlanText(existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '');
  const fixture = existsSync(fixturePath)
    ? (JSON.parse(readFileSync(fixturePath, 'utf8')) as { tasks: FixtureTask[] })
    : { tasks: [] };

  it('matches field by field (per-field agreement printed)', () => {
    const agree = new Map<string, [number, number]>();
    const count = (field: string, ok: boolean): void => {
      const [a, n] = agree.get(field) ?? [0, 0];
      agree.set(field, [a + (ok ? 1 : 0), n + 1]);
    };
    const mismatches: string[] = [];
    for (const expected of fixture.tasks) {
      const actual = parse.tasks.find((t) => t.seq === expected.seq);
      for (const field of TASK_FIELDS) {
        const ok = same(expected[field], actual?.[field]);
        count(field, ok);
        if (!ok)
          mismatches.push(
            `${expected.seq}.${field}: ${JSON.stringify(expected[field])} ≠ ${JSON.stringify(actual?.[field])}`,
          );
      }
      const lineCountOk = expected.lines.length === actual?.lines.length;
      count('lines.length', lineCountOk);
      if (!lineCountOk)
        mismatches.push(`${expected.seq}.lines: ${expected.lines.length} ≠ ${actual?.lines.length ?? '-'}`);
      expected.lines.forEach((line, i) => {
        const got = actual?.lines[i];
        for (const field of LINE_FIELDS) {
          const ok = same(line[field], got?.[field]);
          count(`lines.${field}`, ok);
          if (!ok)
            mismatches.push(
              `${expected.seq}.lines[${i}].${field}: ${JSON.stringify(line[field])} ≠ ${JSON.stringify(got?.[field])}`,
            );
        }
      });
    }
    const total = [...agree.values()].reduce((s, [, n]) => s + n, 0);
    const ok = [...agree.values()].reduce((s, [a]) => s + a, 0);
    console.log(
      `fixture agreement: ${ok}/${total} fields (${((100 * ok) / total).toFixed(1)}%) over ${fixture.tasks.length} tasks; ` +
        [...agree].map(([f, [a, n]]) => `${f} ${a}/${n}`).join(', '),
    );
    for (const m of mismatches) console.log(`fixture mismatch ${m}`);
    expect(fixture.tasks).toHaveLength(24);
    expect(mismatches).toEqual([]);
  });

  it('adds the canonical department fields beside the printed ones', () => {
    const t33 = parse.tasks.find((t) => t.seq === 33);
    expect(t33?.cooperators).toEqual(['市市场监管总局']);
    expect(t33?.cooperatorDepartments).toEqual(['晋城市市场监督管理局']);
  });
});
