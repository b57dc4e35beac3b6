import { sql, type Kysely } from 'kysely';

/**
 * Oversight (issue "Oversight: progress, bulletins, assessment"): the progress bulletins (通报) the office issues on
 * demand or monthly, each stored as its .docx in `files` with its document number (文号) and the figures it printed;
 * and the assessment rule set (考评细则) of each year. A bulletin is an official record: once issued it never
 * changes (a trigger refuses UPDATE and DELETE); one monthly bulletin per month at most.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('monthly', 'on_demand')`))
    .addColumn('period', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('bulletins_year_seq_key', ['year', 'seq'])
    .execute();
  await sql`create unique index bulletins_monthly_period_key on bulletins (period) where kind = 'monthly'`.execute(
    db,
  );
  await sql`create trigger bulletins_immutable before update or delete on bulletins
    for each row execute function ssj_refuse_change()`.execute(db);

  await db.schema
    .createTable('assessment_rules')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
