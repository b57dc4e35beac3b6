import { sql, type Kysely } from 'kysely';

/**
 * The draw (DOMAIN.md §4): sessions (抽取会) with their seed ceremony, frozen frames with their commitments, and
 * published draws with targets and teams. Frames, draws, targets and teams are append-only: triggers refuse every
 * UPDATE and DELETE, so not even a database administrator re-draws silently (a re-draw is a new draw that names the
 * one it supersedes). A session's seed, once entered, can never change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function ssj_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'ssj: rows of % are immutable once written (published draws cannot be changed or deleted)', TG_TABLE_NAME
        using errcode = 'integrity_constraint_violation';
    end $$`.execute(db);

  await db.schema
    .createTable('draw_sessions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('frozen', 'seeded', 'published')`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('frozen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('seed_digits', 'text')
    .addColumn('beacon', 'text')
    .addColumn('witnesses', 'jsonb')
    .addColumn('seed_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .execute();
  await sql`
    create function ssj_guard_draw_session() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'DELETE' then
        if OLD.seed_digits is not null then
          raise exception 'ssj: a draw session with a seed cannot be deleted' using errcode = 'integrity_constraint_violation';
        end if;
        return OLD;
      end if;
      if OLD.status = 'published' then
        raise exception 'ssj: a published draw session cannot be changed' using errcode = 'integrity_constraint_violation';
      end if;
      if OLD.seed_digits is not null and (NEW.seed_digits is distinct from OLD.seed_digits
          or NEW.beacon is distinct from OLD.beacon or NEW.witnesses is distinct from OLD.witnesses
          or NEW.seed_at is distinct from OLD.seed_at) then
        raise exception 'ssj: the seed of a draw session is entered once and never edited' using errcode = 'integrity_constraint_violation';
      end if;
      if NEW.year is distinct from OLD.year or NEW.frozen_at is distinct from OLD.frozen_at then
        raise exception 'ssj: a frozen draw session cannot be changed' using errcode = 'integrity_constraint_violation';
      end if;
      return NEW;
    end $$`.execute(db);
  await sql`create trigger draw_sessions_guard before update or delete on draw_sessions
    for each row execute function ssj_guard_draw_session()`.execute(db);

  await db.schema
    .createTable('draw_frames')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('draw_sessions.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('task_code', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('frame_hash', 'text', (c) => c.notNull())
    .addColumn('id_count', 'integer', (c) => c.notNull())
    .addColumn('ids', 'jsonb', (c) => c.notNull())
    .addColumn('strata', 'jsonb', (c) => c.notNull())
    .addColumn('sealed_hash', 'text')
    .addColumn('excluded', 'jsonb', (c) => c.notNull())
    .addColumn('allocation', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('draw_frames_session_task_batch_key', ['session_id', 'task_id', 'batch'])
    .execute();

  /** The sealed side of a frame: salt and id → stratum (risk class). Auditors only. */
  await db.schema
    .createTable('draw_sealed_strata')
    .addColumn('frame_id', 'integer', (c) => c.primaryKey().references('draw_frames.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('assignments', 'jsonb', (c) => c.notNull())
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('draws')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('frame_id', 'integer', (c) => c.notNull().references('draw_frames.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('task_code', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('record_sha256', 'text', (c) => c.notNull())
    .addColumn('supersedes_draw_id', 'integer', (c) => c.references('draws.id').unique())
    .addColumn('reason', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('draws_task_batch_idx').on('draws').columns(['task_id', 'batch']).execute();

  await db.schema
    .createTable('draw_targets')
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('draws.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id'))
    .addColumn('canonical_id', 'text', (c) => c.notNull())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('draw_targets_pk', ['draw_id', 'rank'])
    .execute();
  await db.schema.createIndex('draw_targets_object_idx').on('draw_targets').column('object_id').execute();

  await db.schema
    .createTable('draw_team_members')
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('draws.id'))
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id'))
    .addColumn('inspector_id', 'integer', (c) => c.notNull().references('inspectors.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('draw_team_members_pk', ['draw_id', 'object_id', 'inspector_id'])
    .execute();
  await db.schema
    .createIndex('draw_team_members_inspector_idx')
    .on('draw_team_members')
    .column('inspector_id')
    .execute();

  for (const table of ['draw_frames', 'draw_sealed_strata', 'draws', 'draw_targets', 'draw_team_members']) {
    await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
      for each row execute function ssj_refuse_change()`.execute(db);
  }
}
