import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { freezeDrawSession } from '../draws/freeze-session.ts';
import { publishDrawSession } from '../draws/publish-session.ts';
import { enterSessionSeed } from '../draws/seed-session.ts';
import { dispatchPublishedDraws } from './dispatch-inspections.ts';
import { COUNT_CAP, searchPublicResults, type PublicResultFilter } from './public-results.ts';

interface SourceRow {
  inspection_id: number;
  task_code: string;
  department_id: number;
  year: number;
  region_code: string;
  object_id: number;
  canonical_id: string;
  published_on: string;
  codes: string[];
}

const CODE_SETS = [['1'], ['A'], ['A', '6'], ['6'], ['1', '7']];

/** The order the portal lists results in: newest publication first (migration `public-results`). */
function compareRows(a: SourceRow, b: SourceRow): number {
  if (a.published_on !== b.published_on) return a.published_on < b.published_on ? 1 : -1;
  if (a.inspection_id !== b.inspection_id) return b.inspection_id - a.inspection_id;
  return a.task_code < b.task_code ? -1 : a.task_code > b.task_code ? 1 : 0;
}

describe('public results: the read model follows publication, and every filter agrees with the sources', () => {
  let t: TestApp;
  let drafts: number[] = [];

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 2500 });
    const db = t.database.db;
    const tasks = await db.selectFrom('tasks').select('code').orderBy('seq').limit(30).execute();
    const frozen = await freezeDrawSession(db, SYSTEM_ACTOR, {
      year: 2023,
      title: '公示测试',
      items: tasks.map((x) => ({ taskCode: x.code, batch: 1 })),
    });
    if (!frozen.ok) throw new Error(JSON.stringify(frozen.error));
    const seeded = await enterSessionSeed(db, SYSTEM_ACTOR, frozen.value.sessionId, {
      digits: '31415926535897932384626433',
      beacon: null,
      witnesses: ['张三', '李四'],
    });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
    const published = await publishDrawSession(db, SYSTEM_ACTOR, frozen.value.sessionId);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    await dispatchPublishedDraws(db, SYSTEM_ACTOR);

    // Results for every visit; four of five are then published on dates spread over two months, one stays a draft.
    const visits = await db
      .selectFrom('inspection_tasks')
      .select(['inspection_id', 'task_id', 'matters'])
      .execute();
    expect(visits.length).toBeGreaterThan(20);
    await db
      .insertInto('inspection_results')
      .values(
        visits.map((v, n) => ({
          inspection_id: v.inspection_id,
          task_id: v.task_id,
          matter: v.matters[0] ?? '事项',
          result_codes: JSON.stringify(CODE_SETS[n % CODE_SETS.length]),
          non_compliant: false,
        })),
      )
      .execute();
    const ids = [...new Set(visits.map((v) => v.inspection_id))].sort((a, b) => a - b);
    drafts = ids.filter((_, n) => n % 5 === 4);
    for (const [n, id] of ids.entries()) {
      if (n % 5 === 4) continue;
      await db
        .updateTable('inspections')
        .set({
          status: 'published',
          // Two years whose publication dates interleave: a search over all years merges them.
          year: n % 3 === 0 ? 2024 : 2023,
          method: '实地检查',
          inspected_on: '2023-06-01',
          published_on: `2023-07-${String(1 + (n % 28)).padStart(2, '0')}`,
          published_at: new Date(),
          late: n % 7 === 0,
        })
        .where('id', '=', id)
        .execute();
    }
    // A matter added to a published visit afterwards (the database allows adding, never changing): its codes count.
    const late = visits.find((v) => !drafts.includes(v.inspection_id));
    if (late === undefined) throw new Error('no published visit');
    await db
      .insertInto('inspection_results')
      .values({
        inspection_id: late.inspection_id,
        task_id: late.task_id,
        matter: '补充事项',
        result_codes: JSON.stringify(['9']),
        non_compliant: false,
      })
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  async function sources(): Promise<SourceRow[]> {
    const rows = await sql<SourceRow>`
      select i.id as inspection_id, it.task_code, it.department_id, i.year, i.region_code, i.object_id,
        i.canonical_id, i.published_on,
        array(select distinct c from inspection_results r, jsonb_array_elements_text(r.result_codes) c
          where r.inspection_id = i.id and r.task_id = it.task_id order by c) as codes
      from inspections i join inspection_tasks it on it.inspection_id = i.id
      where i.status = 'published'`.execute(t.database.db);
    return rows.rows.sort(compareRows);
  }

  it('holds one row per task link of a published visit, with the codes of all its matters, and no drafts', async () => {
    const db = t.database.db;
    const expected = await sources();
    const model = await db
      .selectFrom('public_results')
      .select([
        'inspection_id',
        'task_code',
        'department_id',
        'year',
        'region_code',
        'object_id',
        'canonical_id',
        'published_on',
        'codes',
      ])
      .execute();
    expect(model.sort(compareRows)).toEqual(expected);
    expect(expected.some((r) => r.codes.includes('9'))).toBe(true);
    expect(model.some((r) => drafts.includes(r.inspection_id))).toBe(false);
  });

  it('answers each filter exactly as the sources do, in publication order, page by page', async () => {
    const db = t.database.db;
    const all = await sources();
    const first = all[0];
    if (first === undefined) throw new Error('nothing published');
    const filters: {
      filter: Omit<PublicResultFilter, 'offset' | 'limit'>;
      keep: (r: SourceRow) => boolean;
    }[] = [
      { filter: {}, keep: () => true },
      { filter: { year: 2023 }, keep: (r) => r.year === 2023 },
      { filter: { year: 2024 }, keep: (r) => r.year === 2024 },
      { filter: { year: 2022 }, keep: () => false },
      { filter: { year: 2023, code: 'A' }, keep: (r) => r.year === 2023 && r.codes.includes('A') },
      {
        filter: { year: 2024, departmentId: first.department_id, code: '1' },
        keep: (r) => r.year === 2024 && r.department_id === first.department_id && r.codes.includes('1'),
      },
      {
        filter: { year: 2023, taskCode: first.task_code, code: '1' },
        keep: (r) => r.year === 2023 && r.task_code === first.task_code && r.codes.includes('1'),
      },
      { filter: { regionCode: first.region_code }, keep: (r) => r.region_code === first.region_code },
      { filter: { departmentId: first.department_id }, keep: (r) => r.department_id === first.department_id },
      { filter: { taskCode: first.task_code }, keep: (r) => r.task_code === first.task_code },
      { filter: { code: 'A' }, keep: (r) => r.codes.includes('A') },
      {
        filter: { year: 2023, regionCode: first.region_code, code: '6' },
        keep: (r) => r.year === 2023 && r.region_code === first.region_code && r.codes.includes('6'),
      },
      {
        filter: { search: first.canonical_id.toLowerCase() },
        keep: (r) => r.canonical_id === first.canonical_id,
      },
    ];
    for (const { filter, keep } of filters) {
      const expected = all.filter(keep);
      const seen: string[] = [];
      for (let offset = 0; offset < expected.length + 7; offset += 7) {
        const page = await searchPublicResults(db, { ...filter, offset, limit: 7 });
        expect(page.total, JSON.stringify(filter)).toBe(Math.min(expected.length, COUNT_CAP));
        expect(page.totalCapped).toBe(false);
        seen.push(...page.results.map((r) => `${String(r.inspectionId)}/${r.taskCode}`));
      }
      if (JSON.stringify(filter) === '{}') expect(new Set(expected.map((r) => r.year)).size).toBe(2);
      expect(seen, JSON.stringify(filter)).toEqual(
        expected.map((r) => `${String(r.inspection_id)}/${r.task_code}`),
      );
    }
  });

  it('shows each published row with its names, matters and codes', async () => {
    const db = t.database.db;
    const page = await searchPublicResults(db, { code: '9', offset: 0, limit: 5 });
    expect(page.total).toBe(1);
    const row = page.results[0];
    expect(row?.matters.map((m) => m.matter)).toContain('补充事项');
    expect(row?.matters.flatMap((m) => m.codes)).toContain('9');
    expect(row?.objectName).not.toBe('');
    expect(row?.departmentName).not.toBe('');
    expect(row?.publishedOn).toMatch(/^2023-07-/);
  });
});
