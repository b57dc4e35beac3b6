import { sql, type Kysely } from 'kysely';

/**
 * The item list of 一单两库 (随机抽查事项清单, DOMAIN.md §2): one row per inspection matter, with its department (as
 * printed, and the platform department when it resolves), category, object, type 一般/重点, method, inspecting body,
 * legal basis, and the joint-list fields (抽查领域, 发起部门, 配合部门). Imported from the lists departments publish.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('department_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('sequence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('object_scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('item_type', 'text', (c) => c.check(sql`item_type in ('一般', '重点')`))
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inspecting_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('initiator', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cooperators', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('items_department_idx').on('items').column('department_id').execute();
  // An entry's identity, hashed: long matter and object texts would exceed a b-tree entry's size limit.
  await sql`create unique index items_identity_idx on items
    (md5(department_name || chr(31) || category || chr(31) || matter || chr(31) || object_scope))`.execute(
    db,
  );
}
