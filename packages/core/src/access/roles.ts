/**
 * The staff roles (DOMAIN.md §6). The public has no account and no role: public routes are open to anyone.
 * - office_admin 领导小组办公室: compiles and publishes the plan, approves changes, holds draw sessions, oversees.
 * - department_admin 部门管理员: keeps its department's item list, registers, tasks; approves its results.
 * - inspector 执法人员: sees assigned inspections, enters results and evidence.
 * - auditor 审计监督 (纪检、审计): reads everything in its jurisdiction, verifies draws with sealed strata; changes nothing.
 */
export const ROLES = ['office_admin', 'department_admin', 'inspector', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_ZH: Readonly<Record<Role, string>> = {
  office_admin: '领导小组办公室',
  department_admin: '部门管理员',
  inspector: '执法人员',
  auditor: '审计监督',
};

export function parseRole(value: string): Role | null {
  return ROLES.find((r) => r === value) ?? null;
}
