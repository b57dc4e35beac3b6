import { sql, type Kysely } from 'kysely';

/**
 * Storage of a draw session's bulk values, for the speed of the session (issue "The double-random draw": the 2023
 * first batch, 350 task batches, in ≤ 5 s on PGlite; measured in docs/PERFORMANCE.md).
 *
 * - The frame's ids, the excluded ids, the sealed assignments and the published record are stored as `json`, not
 *   `jsonb`: they are written once, read whole and never searched inside, and `json` keeps the text after checking
 *   it, where `jsonb` takes every value apart (half the cost of storing a session was that). SQL that expands
 *   them uses the `json_*` functions.
 * - The references of a team member (its drawn target, inspector and department) are checked once per statement
 *   over all the rows it inserts, not row by row: a session's ~27,500 members cost four foreign-key lookups each,
 *   two fifths of storing the session. The statement trigger does what those foreign keys did, set-based: it takes
 *   the same key-share locks on the inspectors and departments named (so a concurrent delete waits, as it would for a
 *   foreign key), then refuses the statement if any member names a target its draw did not draw (`draw_targets` is
 *   unique on `(draw_id, object_id)`: a draw draws an object at most once; rows there can never be changed), an
 *   inspector or a department that does not exist. Deleting an inspector or a department a member names, or changing
 *   its id, is refused as the foreign key refused it. The application never deletes either.
 *
 * Changing a column's type rewrites the table without firing row triggers; the immutability triggers stay as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table draw_frames
    alter column ids type json using ids::json,
    alter column excluded type json using excluded::json`.execute(db);
  await sql`alter table draw_sealed_strata alter column assignments type json using assignments::json`.execute(
    db,
  );
  await sql`alter table draws alter column record type json using record::json`.execute(db);
  await sql`alter table draw_targets add constraint draw_targets_draw_object_key unique (draw_id, object_id)`.execute(
    db,
  );
  await sql`alter table draw_team_members
    drop constraint draw_team_members_draw_id_fkey,
    drop constraint draw_team_members_object_id_fkey,
    drop constraint draw_team_members_inspector_id_fkey,
    drop constraint draw_team_members_department_id_fkey`.execute(db);
  await sql`create function ssj_check_team_members() returns trigger language plpgsql as $$
    declare
      bad record;
    begin
      perform 1 from inspectors i where i.id in (select a.inspector_id from added a) for key share;
      perform 1 from departments d where d.id in (select a.department_id from added a) for key share;
      select a.draw_id, a.object_id, a.inspector_id, a.department_id into bad from added a
      where not exists (select 1 from draw_targets t where t.draw_id = a.draw_id and t.object_id = a.object_id)
        or not exists (select 1 from inspectors i where i.id = a.inspector_id)
        or not exists (select 1 from departments d where d.id = a.department_id)
      limit 1;
      if found then
        raise exception 'draw_team_members: draw % object % inspector % department % names no drawn target, inspector or department',
          bad.draw_id, bad.object_id, bad.inspector_id, bad.department_id
          using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger draw_team_members_references after insert on draw_team_members
    referencing new table as added for each statement execute function ssj_check_team_members()`.execute(db);
  await sql`create function ssj_refuse_unreferencing() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.id = old.id then
        return new;
      end if;
      if exists (select 1 from draw_team_members m
                 where (tg_table_name = 'inspectors' and m.inspector_id = old.id)
                    or (tg_table_name = 'departments' and m.department_id = old.id)) then
        raise exception '% % is on a drawn team (draw_team_members) and cannot be deleted or renumbered', tg_table_name, old.id
          using errcode = 'foreign_key_violation';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  for (const table of ['inspectors', 'departments']) {
    await sql`create trigger ${sql.raw(`${table}_team_references`)} before delete or update of id on ${sql.table(table)}
      for each row execute function ssj_refuse_unreferencing()`.execute(db);
  }
}
