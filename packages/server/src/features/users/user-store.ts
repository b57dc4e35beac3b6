import type { Kysely } from 'kysely';
import { err, ok, type Result } from '@ssj/core';
import type { Role } from '../../api-types.ts';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import { checkPasswordPolicy, hashPassword, PASSWORD_PROBLEM_MESSAGES } from '../../auth/passwords.ts';
import type { Database } from '../../db/schema.ts';

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
  /** Department code or name (canonical name or alias); required for department admins and inspectors. */
  readonly department: string | null;
  /** Region code; defaults to the department's region. */
  readonly regionCode: string | null;
}

export type CreateUserError =
  | { readonly kind: 'username_taken' }
  | { readonly kind: 'weak_password'; readonly message: string }
  | { readonly kind: 'unknown_department'; readonly department: string }
  | { readonly kind: 'ambiguous_department'; readonly department: string; readonly candidates: string[] }
  | { readonly kind: 'department_required' }
  | { readonly kind: 'unknown_region'; readonly regionCode: string };

export function describeCreateUserError(e: CreateUserError): string {
  switch (e.kind) {
    case 'username_taken':
      return '用户名已存在';
    case 'weak_password':
      return e.message;
    case 'unknown_department':
      return `找不到部门“${e.department}”`;
    case 'ambiguous_department':
      return `部门“${e.department}”不唯一，请用部门代码：${e.candidates.join('、')}`;
    case 'department_required':
      return '部门管理员和执法人员必须指定部门';
    case 'unknown_region':
      return `找不到地区代码 ${e.regionCode}`;
  }
}

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;

/** Create a staff account (argon2-hashed password), audited in the same transaction. */
export async function createUser(
  db: Kysely<Database>,
  actor: AuditActor,
  input: NewUserInput,
): Promise<Result<{ id: number }, CreateUserError>> {
  if (!USERNAME.test(input.username)) {
    return err({ kind: 'weak_password', message: '用户名须为 3–40 位字母、数字或 _ . -' });
  }
  const problem = checkPasswordPolicy(input.password);
  if (problem !== null) return err({ kind: 'weak_password', message: PASSWORD_PROBLEM_MESSAGES[problem] });
  if (input.department === null && (input.role === 'department_admin' || input.role === 'inspector')) {
    return err({ kind: 'department_required' });
  }
  let departmentId: number | null = null;
  let regionCode = input.regionCode;
  if (input.department !== null) {
    const wanted = input.department;
    const rows = await db
      .selectFrom('departments')
      .select(['id', 'code', 'name', 'region_code', 'aliases'])
      .execute();
    const exact = rows.filter((d) => d.code === wanted || d.name === wanted);
    const candidates = exact.length > 0 ? exact : rows.filter((d) => d.aliases.includes(wanted));
    const inRegion =
      regionCode === null ? candidates : candidates.filter((d) => d.region_code === regionCode);
    const [only, ...rest] = inRegion;
    if (only === undefined) return err({ kind: 'unknown_department', department: wanted });
    if (rest.length > 0) {
      return err({
        kind: 'ambiguous_department',
        department: wanted,
        candidates: inRegion.map((d) => d.code),
      });
    }
    departmentId = only.id;
    regionCode ??= only.region_code;
  }
  if (regionCode === null) regionCode = '140500';
  const region = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', regionCode)
    .executeTakeFirst();
  if (region === undefined) return err({ kind: 'unknown_region', regionCode });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken !== undefined) return err({ kind: 'username_taken' as const });
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        department_id: departmentId,
        region_code: regionCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: String(row.id),
      after: { username: input.username, role: input.role, departmentId, regionCode },
    });
    return ok({ id: row.id });
  });
}

export interface UserListItem {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentName: string | null;
  regionCode: string;
  active: boolean;
}

export async function listUsersOfRegion(db: Kysely<Database>, regionCode: string): Promise<UserListItem[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'd.name as departmentName',
      'u.region_code as regionCode',
      'u.active',
    ])
    .where('u.region_code', '=', regionCode)
    .orderBy('u.id')
    .execute();
  return rows;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
