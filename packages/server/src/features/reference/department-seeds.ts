import { REGIONS } from '@ssj/core';
import type { DepartmentSeed } from './reference-store.ts';

/**
 * The departments the platform starts with. Interim: one market-supervision bureau per region; replaced by the
 * canonical department list of the plan notice (core plan/departments.ts) when the plan import lands.
 */
export function listDepartmentSeeds(): DepartmentSeed[] {
  return REGIONS.map((r) => ({
    code: `${r.code}-scjg`,
    name: r.level === 'city' ? '市市场监管局' : `${r.name}市场监管局`,
    shortName: '市场监管局',
    regionCode: r.code,
    aliases: [],
  }));
}
