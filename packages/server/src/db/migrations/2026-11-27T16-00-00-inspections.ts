import { sql, type Kysely } from 'kysely';

/**
 * Inspections, results and publication (一公开, DOMAIN.md §3 and §5): every drawn target of a live draw becomes an
 * inspection (a visit) for its team; a visit may serve several tasks (a joint visit), each with its own batch window
 * and publication deadline. Results are entered per task and matter, reviewed by the responsible department and
 * published on approval; a published inspection and its results can no longer change (a trigger refuses it), so late
 * publication stays recorded. Follow-up cases (后续处置), evidence files, review history, in-app notifications, the
 * office's holiday-schedule overrides, and the link between an inspector account and its register entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('inspector_id', 'integer', (c) => c.references('inspectors.id'))
    .execute();
  await db.schema.alterTable('object_risk_history').addColumn('reason', 'text').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id'))
    .addColumn('canonical_id', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('responsible_department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'returned', 'published')`),
    )
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('deadline_warning', 'text')
    .addColumn('method', 'text')
    .addColumn('inspected_on', 'text')
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('draft_saved_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('return_reason', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_on', 'text')
    .addColumn('late', 'boolean')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('inspections_object_idx').on('inspections').column('object_id').execute();
  await db.schema
    .createIndex('inspections_dept_status_idx')
    .on('inspections')
    .columns(['responsible_department_id', 'status'])
    .execute();
  await db.schema
    .createIndex('inspections_year_status_idx')
    .on('inspections')
    .columns(['year', 'status'])
    .execute();

  /** The task batches a visit serves: one row per drawn target; a joint visit has several. */
  await db.schema
    .createTable('inspection_tasks')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('draws.id'))
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('task_code', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('matters', 'jsonb', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_tasks_pk', ['inspection_id', 'draw_id'])
    .addUniqueConstraint('inspection_tasks_draw_object_key', ['draw_id', 'object_id'])
    .execute();
  await db.schema.createIndex('inspection_tasks_task_idx').on('inspection_tasks').column('task_id').execute();

  await db.schema
    .createTable('inspection_members')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('inspector_id', 'integer', (c) => c.notNull().references('inspectors.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('inspection_members_pk', ['inspection_id', 'inspector_id'])
    .execute();
  await db.schema
    .createIndex('inspection_members_inspector_idx')
    .on('inspection_members')
    .column('inspector_id')
    .execute();

  /** One result per task and matter (the checklist); `recognised_result_id`: 采信 another department's result. */
  await db.schema
    .createTable('inspection_results')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('result_codes', 'jsonb', (c) => c.notNull())
    .addColumn('non_compliant', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recognised_result_id', 'integer', (c) => c.references('inspection_results.id'))
    .addUniqueConstraint('inspection_results_key', ['inspection_id', 'task_id', 'matter'])
    .execute();
  await db.schema
    .createIndex('inspection_results_matter_idx')
    .on('inspection_results')
    .columns(['matter', 'inspection_id'])
    .execute();

  await db.schema
    .createTable('inspection_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('submit', 'return', 'approve')`))
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('inspection_reviews_inspection_idx')
    .on('inspection_reviews')
    .column('inspection_id')
    .execute();

  await db.schema
    .createTable('inspection_evidence')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  /** 后续处置: one case per task result with a problem found. */
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id'))
    .addColumn('responsible_department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('type', 'text')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`state in ('open', 'closed')`),
    )
    .addColumn('closed_on', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('serious_marks', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('follow_ups_inspection_task_key', ['inspection_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('workday', 'holiday')`))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('calendar_complete_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();

  /** In-app reminders; `dedupe_key` makes the daily reminder job idempotent. */
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('inspection_id', 'integer', (c) => c.references('inspections.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').column('user_id').execute();
  await db.schema
    .createIndex('notifications_department_idx')
    .on('notifications')
    .column('department_id')
    .execute();

  // A published inspection is final: its row, its results and its task links refuse every change.
  await sql`
    create function ssj_guard_inspection() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'DELETE' then
        raise exception 'ssj: inspections are never deleted' using errcode = 'integrity_constraint_violation';
      end if;
      if OLD.status = 'published' then
        raise exception 'ssj: a published inspection result cannot be changed' using errcode = 'integrity_constraint_violation';
      end if;
      return NEW;
    end $$`.execute(db);
  await sql`create trigger inspections_guard before update or delete on inspections
    for each row execute function ssj_guard_inspection()`.execute(db);
  await sql`
    create function ssj_guard_inspection_child() returns trigger language plpgsql as $$
    declare
      state text;
    begin
      select status into state from inspections where id = OLD.inspection_id;
      if state = 'published' then
        raise exception 'ssj: rows of % belong to a published inspection and cannot change', TG_TABLE_NAME
          using errcode = 'integrity_constraint_violation';
      end if;
      if TG_OP = 'DELETE' then
        return OLD;
      end if;
      return NEW;
    end $$`.execute(db);
  for (const table of [
    'inspection_results',
    'inspection_tasks',
    'inspection_members',
    'inspection_evidence',
  ]) {
    await sql`create trigger ${sql.raw(`${table}_guard`)} before update or delete on ${sql.table(table)}
      for each row execute function ssj_guard_inspection_child()`.execute(db);
  }
  await sql`create trigger inspection_reviews_immutable before update or delete on inspection_reviews
    for each row execute function ssj_refuse_change()`.execute(db);
}
