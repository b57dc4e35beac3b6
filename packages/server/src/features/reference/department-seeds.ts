import { DEPARTMENTS } from '@ssj/core';
import type { DepartmentSeed } from './reference-store.ts';

/** The departments the platform starts with: the canonical list of the plan notice (core plan/departments.ts). */
export function listDepartmentSeeds(): DepartmentSeed[] {
  return DEPARTMENTS.map((d) => ({
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    regionCode: d.regionCode,
    aliases: [...d.aliases],
  }));
}
