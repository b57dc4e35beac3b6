import { sql, type Kysely } from 'kysely';

/**
 * The registers of 一单两库 (DOMAIN.md §2): the object register 检查对象名录库 (with licences and the sealed credit-risk
 * class history) and the inspector register 执法检查人员名录库 (with declared conflicts); and the population rule of
 * every plan task line, which says which objects its frame holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('objects')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('canonical_id', 'text', (c) => c.notNull().unique())
    .addColumn('uscc', 'text')
    .addColumn('reg_no', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('enterprise', 'individual', 'cooperative', 'institution', 'social-organisation', 'project', 'facility')`,
        ),
    )
    .addColumn('category_codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('registered_capital', 'double precision')
    .addColumn('established_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('risk_class', 'text', (c) => c.check(sql`risk_class in ('A', 'B', 'C', 'D')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('objects_region_status_idx')
    .on('objects')
    .columns(['region_code', 'status'])
    .execute();
  await db.schema.createIndex('objects_uscc_idx').on('objects').column('uscc').execute();
  await db.schema.createIndex('objects_name_key_idx').on('objects').column('name_key').execute();
  await sql`create index objects_category_codes_idx on objects using gin (category_codes)`.execute(db);

  await db.schema
    .createTable('object_licences')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .execute();
  await db.schema
    .createIndex('object_licences_object_idx')
    .on('object_licences')
    .column('object_id')
    .execute();
  await db.schema
    .createIndex('object_licences_name_idx')
    .on('object_licences')
    .columns(['name', 'object_id'])
    .execute();

  await db.schema
    .createTable('object_risk_history')
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('class', 'text', (c) => c.notNull().check(sql`class in ('A', 'B', 'C', 'D')`))
    .addColumn('on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('object_risk_history_pk', ['object_id', 'on'])
    .execute();

  await db.schema
    .createTable('inspectors')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('certificate_expires_on', 'text', (c) => c.notNull())
    .addColumn('second_certificate', 'jsonb')
    .addColumn('specialties', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('在岗', '休假', '调离')`))
    .addColumn('beat', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('inspectors_department_idx').on('inspectors').column('department_id').execute();

  await db.schema
    .createTable('inspector_conflicts')
    .addColumn('inspector_id', 'integer', (c) => c.notNull().references('inspectors.id').onDelete('cascade'))
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo('申报回避'))
    .addPrimaryKeyConstraint('inspector_conflicts_pk', ['inspector_id', 'object_id'])
    .execute();

  await db.schema
    .createTable('task_line_populations')
    .addColumn('task_line_id', 'integer', (c) =>
      c.primaryKey().references('task_lines.id').onDelete('cascade'),
    )
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('frame_size', 'integer')
    .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
