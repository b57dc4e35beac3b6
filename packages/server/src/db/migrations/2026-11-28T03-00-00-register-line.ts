import { sql, type Kysely } from 'kysely';

/**
 * `objects.register_line`: what a draw session's freeze reads of each object, as one stored line kept by the
 * database (`region TAB status TAB kind TAB categories TAB flags TAB risk TAB capital TAB canonical id`; lists as
 * jsonb text). The freeze reads the register of the session's regions as one text value
 * (registers/population-store.ts `selectFrames`); building the line row by row at read time, with the jsonb-to-text
 * casts and the check for unreadable codes, was 1.0–1.5 s of a 200,000-object freeze on PGlite, reading the
 * stored line 0.25–0.3 s (issue "The double-random draw", docs/PERFORMANCE.md).
 *
 * NULL when the canonical id or the status holds a TAB, LF or CR (the line could not be split): the freeze then
 * selects frame by frame in SQL, as it did before. A generated column follows every change of the row (a risk class
 * raised by a follow-up, a status changed by an import) without any code having to remember it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table objects add column register_line text generated always as (
    case when canonical_id ~ '[\t\n\r]' or status ~ '[\t\n\r]' then null
    else region_code || chr(9) || status || chr(9) || kind || chr(9) || category_codes::text || chr(9)
      || flags::text || chr(9) || coalesce(risk_class, '') || chr(9) || coalesce(registered_capital::text, '')
      || chr(9) || canonical_id
    end) stored`.execute(db);
}
