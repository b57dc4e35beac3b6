export type {
  PlanLine,
  PlanParse,
  PlanRatio,
  PlanRow,
  PlanTask,
  PlanWarning,
  PlanWindow,
  RatioBound,
} from './plan-types.ts';
export { parsePlanText, readPlanTextRows } from './parse-plan-text.ts';
export { assemblePlan } from './assemble-plan.ts';
export { looksLikeRatio, normaliseRatioText, parseRatio, splitRatioCell } from './parse-ratio.ts';
export type { ParsedRatio } from './parse-ratio.ts';
export { looksLikeWindow, parseWindow, parseWindows } from './parse-window.ts';
export { splitMatters } from './split-matters.ts';
export { splitDepartments } from './split-departments.ts';
export type { SplitDepartments } from './split-departments.ts';
export { DEPARTMENTS } from './departments.ts';
export type { Department } from './departments.ts';
export { departmentKey, normaliseDepartment } from './normalise-department.ts';
export type { DepartmentMatch } from './normalise-department.ts';
export {
  CITY_PLAN_REGION_CODE,
  DEVELOPMENT_ZONE_CODE,
  findPlanRegion,
  PLAN_REGIONS,
} from './plan-regions.ts';
export type { PlanRegion } from './plan-regions.ts';
export { translatePlanWarning } from './translate-plan-warning.ts';
