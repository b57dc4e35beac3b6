import { sql, type Kysely } from 'kysely';

/**
 * The references of a drawn target (its draw and its object) are checked once per statement over all the rows it
 * inserts, as migration `draw-storage` did for team members: the two foreign keys cost two lookups per row, half of
 * storing a session's targets on PGlite (the 2023 first batch, 8,119 targets: 0.52–0.59 s of statements against
 * 0.21–0.25 s without them; docs/PERFORMANCE.md). The statement trigger does what the foreign keys did, set-based:
 * it takes the same key-share locks on the draws and objects named (so a concurrent delete waits, as it would for a
 * foreign key), reading them by primary key, then refuses the statement if any row names a draw or an object that
 * does not exist. Deleting an object a drawn target names, or changing its id, is refused as the foreign key refused
 * it; draws cannot be changed or deleted at all (migration `draws`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table draw_targets
    drop constraint draw_targets_draw_id_fkey,
    drop constraint draw_targets_object_id_fkey`.execute(db);
  await sql`create function ssj_check_draw_targets() returns trigger language plpgsql as $$
    declare
      draw_ids integer[] := array(select distinct a.draw_id from added a);
      object_ids integer[] := array(select distinct a.object_id from added a);
      present integer;
      missing integer;
    begin
      select count(*) into present from (select 1 from draws d where d.id = any(draw_ids) for key share) s;
      if present <> cardinality(draw_ids) then
        select x into missing from unnest(draw_ids) x where not exists (select 1 from draws d where d.id = x) limit 1;
        raise exception 'draw_targets: draw % does not exist', missing using errcode = 'foreign_key_violation';
      end if;
      select count(*) into present from (select 1 from objects o where o.id = any(object_ids) for key share) s;
      if present <> cardinality(object_ids) then
        select x into missing from unnest(object_ids) x where not exists (select 1 from objects o where o.id = x) limit 1;
        raise exception 'draw_targets: object % does not exist', missing using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger draw_targets_references after insert on draw_targets
    referencing new table as added for each statement execute function ssj_check_draw_targets()`.execute(db);
  // The function that protects the inspectors and departments of drawn teams (migration `draw-storage`) now also
  // protects the objects of drawn targets.
  await sql`create or replace function ssj_refuse_unreferencing() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.id = old.id then
        return new;
      end if;
      if tg_table_name = 'objects' then
        if exists (select 1 from draw_targets t where t.object_id = old.id) then
          raise exception 'object % is a drawn target (draw_targets) and cannot be deleted or renumbered', old.id
            using errcode = 'foreign_key_violation';
        end if;
      elsif exists (select 1 from draw_team_members m
                    where (tg_table_name = 'inspectors' and m.inspector_id = old.id)
                       or (tg_table_name = 'departments' and m.department_id = old.id)) then
        raise exception '% % is on a drawn team (draw_team_members) and cannot be deleted or renumbered', tg_table_name, old.id
          using errcode = 'foreign_key_violation';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger objects_draw_references before delete or update of id on objects
    for each row execute function ssj_refuse_unreferencing()`.execute(db);
}
