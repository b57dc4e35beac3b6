import { sql, type Kysely } from 'kysely';

/**
 * The risk model from the platform's own results (智慧监管, issue #9): versioned models trained on demand, each with
 * its training window and its evaluation on held-out results (a model is a record: once stored it never changes);
 * the office's switch per plan that allows draws tilted by the model's risk band, with the uniform control share;
 * the per-task toggles; and, on each frozen frame, the model version (and control share) a tilted frame used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_models')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('trained_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('trained_by', 'integer', (c) => c.references('users.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('training_window', 'jsonb', (c) => c.notNull())
    .addColumn('model', 'jsonb', (c) => c.notNull())
    .addColumn('evaluation', 'jsonb', (c) => c.notNull())
    .addColumn('band_cuts', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create trigger risk_models_immutable before update or delete on risk_models
    for each row execute function ssj_refuse_change()`.execute(db);

  await db.schema
    .createTable('risk_tilt_plans')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plans.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('control_share', 'double precision', (c) =>
      c
        .notNull()
        .defaultTo(0.1)
        .check(sql`control_share >= 0.05 and control_share <= 0.5`),
    )
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('risk_tilt_tasks')
    .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('draw_frames')
    .addColumn('risk_model_id', 'integer', (c) => c.references('risk_models.id'))
    .execute();
  await db.schema.alterTable('draw_frames').addColumn('risk_control_share', 'double precision').execute();
}
