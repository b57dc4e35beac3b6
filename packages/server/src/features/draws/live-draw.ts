import { sql, type SqlBool } from 'kysely';

/**
 * Conditions on a draw aliased `d`. A draw is live when no later draw supersedes it (DOMAIN.md §4.4: a re-draw is a
 * new draw naming the old one, which stays published).
 */
export const IS_LIVE_DRAW = sql<SqlBool>`not exists (select 1 from draws s where s.supersedes_draw_id = d.id)`;

/** The id of the draw that supersedes `d`, or null. */
export const SUPERSEDED_BY = sql<
  number | null
>`(select s.id from draws s where s.supersedes_draw_id = d.id limit 1)`;
