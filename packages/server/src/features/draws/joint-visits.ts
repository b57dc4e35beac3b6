import type { Kysely } from 'kysely';
import type { JointVisitDto } from '../../api-types.ts';
import type { Database } from '../../db/schema.ts';
import { IS_LIVE_DRAW } from './live-draw.ts';

interface Drawn {
  canonicalId: string;
  objectName: string;
  regionCode: string;
  regionName: string;
  code: string;
  name: string;
  batch: number;
  drawId: number;
  fromMonth: number;
  toMonth: number;
}

/**
 * Joint-visit proposals (DOMAIN.md §3: overlapping tasks on one target are merged into one joint visit): every object
 * that live draws of two or more different tasks of the year picked, grouped when their windows share a month.
 * A task's window is the span of its lines' windows (the whole year when none is printed).
 */
export async function proposeJointVisits(
  db: Kysely<Database>,
  year: number,
  regionCode: string | null,
): Promise<JointVisitDto[]> {
  let query = db
    .selectFrom('draw_targets as x')
    .innerJoin('draws as d', 'd.id', 'x.draw_id')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('objects as o', 'o.id', 'x.object_id')
    .innerJoin('regions as r', 'r.code', 'o.region_code')
    .select((eb) => [
      'x.canonical_id',
      'o.name as object_name',
      'o.region_code',
      'r.name as region_name',
      't.code',
      't.name',
      'd.batch',
      'd.id as draw_id',
      eb
        .selectFrom('task_lines as l')
        .select((e) => e.fn.min<number | null>('l.window_from_month').as('m'))
        .whereRef('l.task_id', '=', 't.id')
        .as('from_month'),
      eb
        .selectFrom('task_lines as l')
        .select((e) => e.fn.max<number | null>('l.window_to_month').as('m'))
        .whereRef('l.task_id', '=', 't.id')
        .as('to_month'),
    ])
    .where('p.year', '=', year)
    .where(IS_LIVE_DRAW)
    .where(
      'x.object_id',
      'in',
      db
        .selectFrom('draw_targets as y')
        .innerJoin('draws as e', 'e.id', 'y.draw_id')
        .select('y.object_id')
        .groupBy('y.object_id')
        .having((eb) => eb.fn.count('e.task_id').distinct(), '>', 1),
    );
  if (regionCode !== null) query = query.where('o.region_code', '=', regionCode);
  const rows = await query.orderBy('x.canonical_id').orderBy('t.code').execute();
  const byObject = new Map<string, Drawn[]>();
  for (const r of rows) {
    const list = byObject.get(r.canonical_id) ?? [];
    list.push({
      canonicalId: r.canonical_id,
      objectName: r.object_name,
      regionCode: r.region_code,
      regionName: r.region_name,
      code: r.code,
      name: r.name,
      batch: r.batch,
      drawId: r.draw_id,
      fromMonth: r.from_month ?? 1,
      toMonth: r.to_month ?? 12,
    });
    byObject.set(r.canonical_id, list);
  }
  const visits: JointVisitDto[] = [];
  for (const drawn of byObject.values()) {
    // Greedy grouping in window order: a task joins the group while the shared window stays non-empty.
    const sorted = [...drawn].sort((a, b) => a.fromMonth - b.fromMonth || a.toMonth - b.toMonth);
    let group: Drawn[] = [];
    let from = 0;
    let to = 13;
    const flush = (): void => {
      const first = group[0];
      if (first !== undefined && new Set(group.map((g) => g.code)).size > 1) {
        visits.push({
          canonicalId: first.canonicalId,
          objectName: first.objectName,
          regionName: first.regionName,
          window: { fromMonth: from, toMonth: to },
          tasks: group.map((g) => ({
            code: g.code,
            name: g.name,
            batch: g.batch,
            drawId: g.drawId,
            fromMonth: g.fromMonth,
            toMonth: g.toMonth,
          })),
        });
      }
    };
    for (const d of sorted) {
      const nextFrom = Math.max(from, d.fromMonth);
      const nextTo = Math.min(to, d.toMonth);
      if (group.length > 0 && nextFrom > nextTo) {
        flush();
        group = [d];
        from = d.fromMonth;
        to = d.toMonth;
      } else {
        group.push(d);
        from = group.length === 1 ? d.fromMonth : nextFrom;
        to = group.length === 1 ? d.toMonth : nextTo;
      }
    }
    flush();
  }
  return visits;
}
