import { sql, type Kysely } from 'kysely';

/**
 * The sealed membership of a frame stored as one stratum label per frame id (`draw_sealed_strata.id_strata`), for
 * the speed of a draw session (issue "The double-random draw", docs/PERFORMANCE.md): `id_strata[i]` is the stratum
 * of `draw_frames.ids[i]` (the frame's ids in code-point order), an empty array for a frame of one stratum. It
 * replaces `assignments`, a JSON array of `{id, stratum}` pairs that repeated every frame id: 4.6 MB of a 2023
 * first batch became 0.5 MB, written at the freeze and read back at the draw. The strata file an auditor gets
 * (`{salt, assignments}`) is the same, rebuilt from the two arrays.
 *
 * Existing rows are converted in place: each pair is put at its id's position in the frame, and the migration
 * fails (and leaves everything as it was) unless every id of a sealed frame has exactly one stratum. Sealed strata
 * are immutable; their immutability trigger is off only for this conversion, inside the migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table draw_sealed_strata add column id_strata json`.execute(db);
  await sql`alter table draw_sealed_strata disable trigger draw_sealed_strata_immutable`.execute(db);
  await sql`update draw_sealed_strata s set id_strata = case
      when json_array_length(s.assignments) = 0 then '[]'::json
      else (
        select coalesce(json_agg(a.stratum order by e.n), '[]'::json)
        from draw_frames f
        cross join lateral json_array_elements_text(f.ids) with ordinality as e(id, n)
        left join json_to_recordset(s.assignments) as a(id text, stratum text) on a.id = e.id
        where f.id = s.frame_id)
    end`.execute(db);
  const bad = await sql<{ frame_id: number }>`
    select s.frame_id from draw_sealed_strata s join draw_frames f on f.id = s.frame_id
    where json_array_length(s.assignments) > 0 and (
      json_array_length(s.assignments) <> json_array_length(f.ids)
      or exists (select 1 from json_array_elements(s.id_strata) l where json_typeof(l) <> 'string'))
    limit 1`.execute(db);
  const frame = bad.rows[0];
  if (frame !== undefined) {
    throw new Error(
      `draw_sealed_strata of frame ${String(frame.frame_id)}: the sealed strata do not match the frame ids`,
    );
  }
  await sql`alter table draw_sealed_strata enable trigger draw_sealed_strata_immutable`.execute(db);
  await sql`alter table draw_sealed_strata alter column id_strata set not null, drop column assignments`.execute(
    db,
  );
}
