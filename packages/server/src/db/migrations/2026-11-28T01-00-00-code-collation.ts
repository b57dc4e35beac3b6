import { sql, type Kysely } from 'kysely';

/**
 * The codes of an object — `canonical_id`, `uscc`, `reg_no` — in the "C" collation, as `name_key` already is
 * (migration `name-key-collation`): byte comparison instead of the locale's strcoll, which made their btrees (the
 * unique canonical id, the USCC) a large part of a 1 M-row object import (issue "The registers"; measured in
 * docs/PERFORMANCE.md, notes on the object import).
 *
 * Safe for every query: the codes are ASCII (a USCC is digits and capital letters, a 注册号 digits, project and
 * facility ids `P-…`/`F-…`), and for ASCII the "C" order is the server's C.UTF-8 order, so `order by canonical_id`
 * (object list, draw targets via their own column) returns the same rows in the same order; equality and `like`
 * prefixes are unchanged. Other tables' code columns (draw_targets, inspections, public_results) keep the database's
 * default collation: a comparison of a default-collation value with a "C" column is done in "C" (PostgreSQL
 * refuses only two differing non-default collations), no SQL compares them with these columns, and the ones that
 * do compare them with a parameter still use their own indexes. PGlite's database collation is already "C".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table objects
    alter column canonical_id type text collate "C",
    alter column uscc type text collate "C",
    alter column reg_no type text collate "C"`.execute(db);
}
