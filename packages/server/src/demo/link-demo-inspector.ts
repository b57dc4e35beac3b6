import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Links the demo inspector account (username `inspector`) to a register entry of its department (the account sees
 * that inspector's visits): the active one on the most visits so far, else the first by code. A link is kept once
 * its inspector is on a visit, so the demo account always has work to show after a draw.
 */
export async function linkDemoInspector(db: Kysely<Database>): Promise<number | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'department_id', 'region_code', 'inspector_id'])
    .where('username', '=', 'inspector')
    .where('role', '=', 'inspector')
    .executeTakeFirst();
  if (user === undefined || user.department_id === null) return null;
  if (user.inspector_id !== null) {
    const busy = await db
      .selectFrom('inspection_members')
      .select('inspection_id')
      .where('inspector_id', '=', user.inspector_id)
      .executeTakeFirst();
    if (busy !== undefined) return user.inspector_id;
  }
  const pick = await db
    .selectFrom('inspectors as p')
    .select(['p.id'])
    .where('p.department_id', '=', user.department_id)
    .where('p.status', '=', '在岗')
    .orderBy(sql`(select count(*) from inspection_members m where m.inspector_id = p.id)`, 'desc')
    .orderBy(sql`(select count(*) from draw_team_members t where t.inspector_id = p.id)`, 'desc')
    .orderBy('p.certificate_expires_on', 'desc')
    .orderBy('p.code')
    .executeTakeFirst();
  if (pick === undefined) return null;
  await db.updateTable('users').set({ inspector_id: pick.id }).where('id', '=', user.id).execute();
  return pick.id;
}
