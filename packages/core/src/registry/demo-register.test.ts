/**
 * The demo register: determinism, code validity, plausible counts for a city of 2.2 M people (晋城), and — against
 * the seed notice (晋城 2023, 350 tasks; skipped cleanly when ../shared is absent) — a non-empty frame for every
 * plan line and enough certified inspectors for every department the plan names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, findPlanRegion, parsePlanText } from '../plan/index.ts';
import { checkRegistrationNumber, checkUscc } from '../uscc/index.ts';
import { collectNamedObjects, generateDemoRegister } from './demo-register.ts';
import type { DemoRegister, DemoRegisterOptions } from './demo-register.ts';
import { computeMinimumObjectCount } from './demo-layout.ts';
import { compilePopulationRule } from './matches-population.ts';
import type { PopulationPredicate } from './matches-population.ts';
import type { ObjectKind, RegisterObject } from './register-types.ts';
import { suggestPopulationRule } from './suggest-population.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;

function generate(options: DemoRegisterOptions): DemoRegister {
  const result = generateDemoRegister(options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function hashRegister(register: DemoRegister): string {
  const hash = createHash('sha256');
  for (const chunk of register.iterateObjectChunks()) hash.update(JSON.stringify(chunk));
  hash.update(JSON.stringify(register.inspectors));
  return hash.digest('hex');
}

/** Problems of an object's codes: USCC valid with its region's division code; 注册号 valid; id is the USCC or 注册号. */
function checkCodes(o: RegisterObject): string | null {
  if (o.kind === 'project' || o.kind === 'facility') {
    return /^[PF]-\d{6}-\d{4}$/.test(o.id) && o.id.slice(2, 8) === o.regionCode ? null : `bad id ${o.id}`;
  }
  if (o.uscc !== null) {
    const checked = checkUscc(o.uscc);
    if (!checked.ok) return `${o.uscc}: ${JSON.stringify(checked.error)}`;
    if (checked.value.divisionCode !== o.regionCode) return `${o.uscc}: division ≠ ${o.regionCode}`;
    if (o.id !== o.uscc) return `${o.id}: id is not the USCC`;
  }
  if (o.regNo !== null) {
    const checked = checkRegistrationNumber(o.regNo);
    if (!checked.ok || checked.value.divisionCode !== o.regionCode) return `${o.regNo}: bad 注册号`;
    if (o.uscc === null && o.id !== o.regNo) return `${o.id}: id is not the 注册号`;
  }
  if (o.uscc === null && o.regNo === null) return `${o.id}: no code`;
  return null;
}

describe('generateDemoRegister (small registers)', () => {
  it('is deterministic: same seed → identical output, different seeds differ', () => {
    const a = hashRegister(generate({ seed: 'alpha', objectCount: 3000, inspectorCount: 800 }));
    const b = hashRegister(generate({ seed: 'alpha', objectCount: 3000, inspectorCount: 800 }));
    const c = hashRegister(generate({ seed: 'beta', objectCount: 3000, inspectorCount: 800 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('gives random access and streaming the same objects', () => {
    const register = generate({ seed: 'alpha', objectCount: 3000, inspectorCount: 800 });
    const streamed = [...register.iterateObjects()];
    expect(streamed).toHaveLength(3000);
    for (const i of [0, 1, 777, 1500, 2999]) expect(register.objectAt(i)).toEqual(streamed[i]);
    const chunks = [...register.iterateObjectChunks(1000)];
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 1000]);
  });

  it('reports bad options as values', () => {
    expect(generateDemoRegister({ seed: '' })).toEqual({ ok: false, error: { kind: 'empty-seed' } });
    const small = generateDemoRegister({ seed: 'x', objectCount: 10 });
    expect(small.ok ? null : small.error.kind).toBe('too-few-objects');
    expect(generateDemoRegister({ seed: 'x', objectCount: computeMinimumObjectCount() }).ok).toBe(true);
    const few = generateDemoRegister({ seed: 'x', objectCount: 5000, inspectorCount: 10 });
    expect(few.ok ? null : few.error.kind).toBe('too-few-inspectors');
  });

  it('appends the named objects of explicit rules', () => {
    const rule = suggestPopulationRule(
      '市直管项目--郭壁供水工程 扩建工程',
      '140500',
      '水利建设工程质量监督抽查',
      [],
    );
    const register = generate({
      seed: 'alpha',
      objectCount: 3000,
      inspectorCount: 800,
      namedObjects: collectNamedObjects([rule]),
    });
    expect(register.objectCount).toBe(3001);
    const named = register.objectAt(3000);
    expect(named).toMatchObject({
      name: '郭壁供水工程扩建工程',
      kind: 'project',
      regionCode: '140500',
      status: '存续',
    });
    expect(compilePopulationRule(rule)(named)).toBe(true);
    expect(compilePopulationRule(rule)(register.objectAt(0))).toBe(false);
  });
});

describe('generateDemoRegister (full size: 200,000 objects, 3,000 inspectors)', () => {
  const kinds = new Map<ObjectKind, number>();
  const regions = new Map<string, number>();
  const categories = new Map<string, number>();
  const risk = new Map<string, number>();
  const statuses = new Map<string, number>();
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Map<string, number>();
  let enterprises = 0;
  let bigCapital = 0;
  let total = 0;
  let register: DemoRegister;
  const add = <K>(map: Map<K, number>, key: K): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };

  // Plan lines and their compiled rules, grouped by region so each object is tested against its region's rules only.
  const parse = existsSync(seedPath) ? parsePlanText(readFileSync(seedPath, 'utf8')) : null;
  const lines = (parse?.tasks ?? []).flatMap((task) =>
    task.lines.map((line) => ({
      task,
      rule: suggestPopulationRule(
        line.scope,
        findPlanRegion(task.region)?.code ?? '',
        task.name,
        line.matters,
      ),
    })),
  );
  const frameSizes = lines.map(() => 0);
  const rulesByRegion = new Map<string, { line: number; matches: PopulationPredicate }[]>();
  lines.forEach(({ rule }, line) => {
    for (const code of rule.regionCodes) {
      const list = rulesByRegion.get(code) ?? [];
      list.push({ line, matches: compilePopulationRule(rule) });
      rulesByRegion.set(code, list);
    }
  });

  beforeAll(() => {
    const started = performance.now();
    register = generate({
      seed: 'shuangsuiji-demo',
      namedObjects: collectNamedObjects(lines.map((l) => l.rule)),
    });
    for (const chunk of register.iterateObjectChunks()) {
      for (const o of chunk) {
        total++;
        add(kinds, o.kind);
        add(regions, o.regionCode);
        add(risk, o.riskClass);
        add(statuses, o.status);
        for (const c of o.categoryCodes) add(categories, c);
        if (o.kind === 'enterprise') {
          enterprises++;
          if ((o.registeredCapital ?? 0) >= 1000) bigCapital++;
          add(names, o.name);
        }
        ids.add(o.id);
        const problem = checkCodes(o);
        if (problem !== null && problems.length < 20) problems.push(problem);
        for (const { line, matches } of rulesByRegion.get(o.regionCode) ?? []) {
          if (matches(o)) frameSizes[line] = (frameSizes[line] ?? 0) + 1;
        }
      }
    }
    console.log(
      `demo register: ${total} objects, ${register.inspectors.length} inspectors, ` +
        `generated, checked and framed against ${lines.length} plan lines in ${Math.round(performance.now() - started)} ms`,
    );
  }, 120_000);

  it('has 200,000 objects with unique ids and valid codes (USCC with the region division, 注册号, P-/F- ids)', () => {
    expect(total).toBe(register.objectCount);
    expect(total - collectNamedObjects(lines.map((l) => l.rule)).length).toBe(200_000);
    expect(ids.size).toBe(total);
    expect(problems).toEqual([]);
  });

  it('spreads kinds like a city register: ~75% 个体工商户, ~20% enterprises, some cooperatives, institutions, projects', () => {
    const share = (k: ObjectKind): number => (kinds.get(k) ?? 0) / total;
    expect(share('individual')).toBeGreaterThan(0.68);
    expect(share('individual')).toBeLessThan(0.78);
    expect(share('enterprise')).toBeGreaterThan(0.17);
    expect(share('enterprise')).toBeLessThan(0.26);
    expect(share('cooperative')).toBeGreaterThan(0.015);
    for (const k of ['institution', 'social-organisation', 'project', 'facility'] as const) {
      expect(kinds.get(k) ?? 0).toBeGreaterThan(500);
    }
  });

  it('spreads regions plausibly: 城区 and 泽州 largest, the zone small', () => {
    const sorted = [...regions].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(sorted.slice(0, 2).sort()).toEqual(['140502', '140525']);
    expect((regions.get('140571') ?? 0) / total).toBeLessThan(0.08);
    expect(regions.size).toBe(8);
  });

  it('has plausible counts per category', () => {
    const ranges: [string, number, number][] = [
      ['funeral', 6, 20],
      ['tobacco-retail', 5000, 8000],
      ['catering', 13000, 19000],
      ['school', 500, 800],
      ['travel-agency', 25, 50],
      ['internet-cafe', 200, 320],
      ['hotel', 1000, 1700],
      ['coal-mine', 100, 170],
      ['construction-project', 1000, 1700],
      ['civil-air-defence', 120, 220],
      ['food-sales', 24000, 34000],
    ];
    for (const [code, min, max] of ranges) {
      const n = categories.get(code) ?? 0;
      expect(n, code).toBeGreaterThanOrEqual(min);
      expect(n, code).toBeLessThanOrEqual(max);
    }
  });

  it('has mostly A/B risk classes with a small D tail, mostly 存续, ~10% of enterprises ≥ 1000万', () => {
    const share = (c: string): number => (risk.get(c) ?? 0) / total;
    expect(share('A') + share('B')).toBeGreaterThan(0.8);
    expect(share('D')).toBeGreaterThan(0.01);
    expect(share('D')).toBeLessThan(0.035);
    expect((statuses.get('存续') ?? 0) / total).toBeGreaterThan(0.9);
    expect((statuses.get('注销') ?? 0) + (statuses.get('吊销') ?? 0)).toBeGreaterThan(0);
    expect(bigCapital / enterprises).toBeGreaterThan(0.05);
    expect(bigCapital / enterprises).toBeLessThan(0.2);
  });

  it('names enterprises (almost) uniquely', () => {
    const duplicated = [...names.values()].filter((n) => n > 1).length;
    expect(duplicated / names.size).toBeLessThan(0.01);
  });

  it('has inspectors of every department, a few on leave, transferred or expired, a few declared conflicts', () => {
    const inspectors = register.inspectors;
    expect(inspectors).toHaveLength(3000);
    expect(new Set(inspectors.map((i) => i.id)).size).toBe(3000);
    expect(new Set(inspectors.map((i) => i.certificateNo)).size).toBe(3000);
    expect(new Set(inspectors.map((i) => i.departmentCode))).toEqual(new Set(DEPARTMENTS.map((d) => d.code)));
    const share = (p: (i: (typeof inspectors)[number]) => boolean): number =>
      inspectors.filter(p).length / 3000;
    expect(share((i) => i.status === '在岗')).toBeGreaterThan(0.9);
    expect(share((i) => i.status === '休假')).toBeGreaterThan(0.01);
    expect(share((i) => i.certificateExpiresOn < register.asOf)).toBeGreaterThan(0.01);
    expect(share((i) => i.certificateExpiresOn < register.asOf)).toBeLessThan(0.1);
    const conflicts = inspectors.flatMap((i) => i.conflicts);
    expect(conflicts.length).toBeGreaterThan(0);
    for (const id of conflicts) expect(ids.has(id)).toBe(true);
    for (const i of inspectors) {
      expect(DEPARTMENTS.find((d) => d.code === i.departmentCode)?.regionCode).toBe(i.regionCode);
    }
  });

  it.skipIf(parse === null)('gives every line of the 2023 plan a non-empty frame', () => {
    const empty = lines
      .map(({ task, rule }, line) => ({ task, rule, size: frameSizes[line] ?? 0 }))
      .filter((l) => l.size === 0)
      .map(
        ({ task, rule }) =>
          `${task.seq} ${task.name ?? ''} → ${rule.categoryCodes.join(',')} @${rule.regionCodes.join(',')}`,
      );
    expect(empty).toEqual([]);
    const sizes = [...frameSizes].sort((a, b) => a - b);
    console.log(
      `frames of ${lines.length} plan lines: min ${sizes[0]}, median ${sizes[Math.floor(sizes.length / 2)]}, max ${sizes[sizes.length - 1]}`,
    );
  });

  it.skipIf(parse === null)('has ≥ 3 active, certified inspectors in every department the plan names', () => {
    const yearEnd = '2023-12-31';
    const missing: string[] = [];
    const names = new Set(
      (parse?.tasks ?? []).flatMap((t) => [...t.initiatorDepartments, ...t.cooperatorDepartments]),
    );
    for (const name of names) {
      const department = DEPARTMENTS.find((d) => d.name === name);
      if (department === undefined) {
        missing.push(`${name}: not a known department`);
        continue;
      }
      const ready = register.inspectors.filter(
        (i) =>
          i.departmentCode === department.code &&
          i.regionCode === department.regionCode &&
          i.status === '在岗' &&
          i.certificateExpiresOn > yearEnd,
      ).length;
      if (ready < 3) missing.push(`${name}: ${ready}`);
    }
    expect(names.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
