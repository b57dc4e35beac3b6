import type { Kysely } from 'kysely';
import type { Role } from '../api-types.ts';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { createUser } from '../features/users/user-store.ts';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly regionCode: string;
  /** A word the department's canonical name contains, in that region (null: no department). */
  readonly departmentHint: string | null;
}

/** Demo password for every demo account (README "Demo accounts"); `ssj serve --no-demo` creates none. */
export const DEMO_PASSWORD = 'Demo2023ssj';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'office',
    displayName: '领导小组办公室管理员',
    role: 'office_admin',
    regionCode: '140500',
    departmentHint: '市场监',
  },
  {
    username: 'city-scjg',
    displayName: '市市场监管局管理员',
    role: 'department_admin',
    regionCode: '140500',
    departmentHint: '市场监',
  },
  {
    username: 'zezhou-scjg',
    displayName: '泽州县市场监管局管理员',
    role: 'department_admin',
    regionCode: '140525',
    departmentHint: '市场监',
  },
  {
    username: 'yangcheng-scjg',
    displayName: '阳城县市场监管局管理员',
    role: 'department_admin',
    regionCode: '140522',
    departmentHint: '市场监',
  },
  {
    username: 'inspector',
    displayName: '张明（执法人员）',
    role: 'inspector',
    regionCode: '140525',
    departmentHint: '市场监',
  },
  {
    username: 'auditor',
    displayName: '审计监督员',
    role: 'auditor',
    regionCode: '140500',
    departmentHint: null,
  },
];

/**
 * On first start with no accounts, create the demo accounts. Returns the ones created (empty when any user
 * already existed), so the caller prints them once.
 */
export async function createDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return [];
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    let department: string | null = null;
    if (account.departmentHint !== null) {
      const hint = account.departmentHint;
      const row = await db
        .selectFrom('departments')
        .select('code')
        .where('region_code', '=', account.regionCode)
        .where('name', 'like', `%${hint}%`)
        .orderBy('code')
        .executeTakeFirst();
      if (row === undefined) throw new Error(`No department like "${hint}" in region ${account.regionCode}`);
      department = row.code;
    }
    const result = await createUser(db, SYSTEM_ACTOR, {
      username: account.username,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      role: account.role,
      department,
      regionCode: account.regionCode,
    });
    if (!result.ok)
      throw new Error(`Could not create demo account ${account.username}: ${result.error.kind}`);
    created.push(account);
  }
  return created;
}
