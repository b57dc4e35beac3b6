import { sql, type Kysely } from 'kysely';

/**
 * The public result search's read model (一公开, DOMAIN.md §5; issue "Inspections, results and publication": portal
 * result search over 1 M published results, p95 < 50 ms): one row per task a published visit served, holding every
 * column the portal filters or sorts on — year, region, department, task, USCC / 注册号, object, publication date —
 * and the set of result codes over the task's matters, so that each filter is one index read in publication order
 * instead of a join of inspections, task links and results (a region page filtered by a result code probed the
 * results once per candidate row: seconds on a million results).
 *
 * The rows are written by the database itself, set-based, whatever writes the sources (approval, the demo's
 * simulated year, imports, benchmarks): when an inspection becomes published (or is inserted published), when a task
 * link is added to a published inspection, and when results are added to one. Published inspections and their rows
 * refuse updates and deletes (migration `inspections`), so the model never has to forget or rewrite a row except for
 * the codes of results added after publication. `public_result_codes` repeats a row's ordering columns once per result
 * code, so that a filter by code is an index range too. The existing published results are copied in here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table public_results (
    inspection_id integer not null references inspections (id),
    draw_id integer not null references draws (id),
    task_id integer not null references tasks (id),
    task_code text not null,
    batch integer not null,
    department_id integer not null references departments (id),
    year integer not null,
    region_code text not null references regions (code),
    object_id integer not null references objects (id),
    canonical_id text not null,
    method text,
    inspected_on text,
    published_on text not null,
    deadline text not null,
    late boolean not null,
    codes text[] not null default '{}',
    primary key (inspection_id, draw_id)
  )`.execute(db);
  // The code table: one row per result code of a row, for the filter by result code (most rows carry one code).
  await sql`create table public_result_codes (
    code text not null,
    inspection_id integer not null,
    draw_id integer not null,
    year integer not null,
    region_code text not null,
    department_id integer not null,
    task_code text not null,
    published_on text not null,
    primary key (inspection_id, draw_id, code),
    foreign key (inspection_id, draw_id) references public_results (inspection_id, draw_id)
  )`.execute(db);
  // Publication order is (published_on desc, inspection_id desc, task_code, draw_id), within a year: every filter the portal
  // offers without a search text has an index that starts with its equalities and goes on in that order, so a page and
  // the capped count are the first rows of one index range. A search text (USCC, or a name's objects) selects a few
  // rows by its own index; a query over all years merges the years (there is one per annual plan).
  // The key (inspection_id, draw_id) closes each index, so a page of keys is read from the index alone.
  const order = 'published_on desc, inspection_id desc, task_code, draw_id';
  for (const [name, table, columns] of [
    ['public_results_year_idx', 'public_results', 'year'],
    ['public_results_region_idx', 'public_results', 'year, region_code'],
    ['public_results_department_idx', 'public_results', 'year, department_id'],
    ['public_results_task_idx', 'public_results', 'task_code, year'],
    ['public_result_codes_year_idx', 'public_result_codes', 'code, year'],
    ['public_result_codes_region_idx', 'public_result_codes', 'code, year, region_code'],
    ['public_result_codes_department_idx', 'public_result_codes', 'code, year, department_id'],
  ] as const) {
    await sql`create index ${sql.raw(name)} on ${sql.table(table)} (${sql.raw(`${columns}, ${order}`)})`.execute(
      db,
    );
  }
  await sql`create index public_results_canonical_idx on public_results (canonical_id)`.execute(db);
  await sql`create index public_results_object_idx on public_results (object_id)`.execute(db);

  // What a row holds, for every task link of a published inspection, in the table's column order; the triggers and
  // the copy below read it.
  await sql`create view public_result_sources as
    select it.inspection_id, it.draw_id, it.task_id, it.task_code, it.batch, it.department_id, i.year,
      i.region_code, i.object_id, i.canonical_id, i.method, i.inspected_on, coalesce(i.published_on, '') as published_on,
      it.deadline, coalesce(i.late, false) as late,
      coalesce((select array_agg(distinct c.code order by c.code)
        from inspection_results r cross join lateral jsonb_array_elements_text(r.result_codes) c (code)
        where r.inspection_id = it.inspection_id and r.task_id = it.task_id), '{}') as codes
    from inspections i
    join inspection_tasks it on it.inspection_id = i.id
    where i.status = 'published'`.execute(db);

  await sql`create function ssj_publish_inspections() returns trigger language plpgsql as $$
    begin
      with added as (
        insert into public_results
        select s.* from public_result_sources s where s.inspection_id in (select id from changed where status = 'published')
        on conflict do nothing
        returning *)
      insert into public_result_codes
      select c.code, a.inspection_id, a.draw_id, a.year, a.region_code, a.department_id, a.task_code, a.published_on
      from added a cross join lateral unnest(a.codes) c (code);
      return null;
    end $$`.execute(db);
  await sql`create trigger inspections_publish_insert after insert on inspections
    referencing new table as changed for each statement execute function ssj_publish_inspections()`.execute(
    db,
  );
  await sql`create trigger inspections_publish_update after update on inspections
    referencing new table as changed for each statement execute function ssj_publish_inspections()`.execute(
    db,
  );

  await sql`create function ssj_publish_task_links() returns trigger language plpgsql as $$
    begin
      with written as (
        insert into public_results
        select s.* from public_result_sources s join added a on a.inspection_id = s.inspection_id and a.draw_id = s.draw_id
        on conflict do nothing
        returning *)
      insert into public_result_codes
      select c.code, w.inspection_id, w.draw_id, w.year, w.region_code, w.department_id, w.task_code, w.published_on
      from written w cross join lateral unnest(w.codes) c (code);
      return null;
    end $$`.execute(db);
  await sql`create trigger inspection_tasks_publish after insert on inspection_tasks
    referencing new table as added for each statement execute function ssj_publish_task_links()`.execute(db);

  await sql`create function ssj_publish_results() returns trigger language plpgsql as $$
    begin
      with changed as (
        update public_results p set codes = c.codes
        from (
          select k.inspection_id, k.task_id, array_agg(distinct x.code order by x.code) as codes
          from (select distinct a.inspection_id, a.task_id from added a
            -- drafts being entered (most inserts) stop here: only published inspections have rows
            where exists (select 1 from public_results q where q.inspection_id = a.inspection_id)) k
          join inspection_results r on r.inspection_id = k.inspection_id and r.task_id = k.task_id
          cross join lateral jsonb_array_elements_text(r.result_codes) x (code)
          group by k.inspection_id, k.task_id
        ) c
        where p.inspection_id = c.inspection_id and p.task_id = c.task_id and p.codes is distinct from c.codes
        returning p.*)
      insert into public_result_codes
      select c.code, w.inspection_id, w.draw_id, w.year, w.region_code, w.department_id, w.task_code, w.published_on
      from changed w cross join lateral unnest(w.codes) c (code)
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger inspection_results_publish after insert on inspection_results
    referencing new table as added for each statement execute function ssj_publish_results()`.execute(db);

  await sql`insert into public_results select * from public_result_sources`.execute(db);
  await sql`insert into public_result_codes
    select c.code, p.inspection_id, p.draw_id, p.year, p.region_code, p.department_id, p.task_code, p.published_on
    from public_results p cross join lateral unnest(p.codes) c (code)`.execute(db);
}
