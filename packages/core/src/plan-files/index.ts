export { detectPlanFormat, decodePlanText } from './detect-plan-format.ts';
export type { PlanFileFormat } from './detect-plan-format.ts';
export { checkPlanFileSize, MAX_PLAN_FILE_BYTES } from './plan-file-error.ts';
export type { PlanFileError, PlanFileErrorKind } from './plan-file-error.ts';
export { readPlanSpreadsheet } from './read-plan-spreadsheet.ts';
export { readPlanDocx } from './read-plan-docx.ts';
export { readPlanGrids, readRegionHeading } from './read-plan-grid.ts';
export type { RegionHeading } from './read-plan-grid.ts';
export type { GridRange, PlanGrid } from './plan-grid.ts';
export { readDocxGrid } from './read-docx-grid.ts';
export { writePlanXlsx, RISK_BASED_TEXT } from './write-plan-xlsx.ts';
export type { PlanXlsxOptions } from './write-plan-xlsx.ts';
export {
  formatPlanDepartments,
  formatPlanMatters,
  formatPlanRatio,
  formatPlanWindow,
} from './format-plan-cells.ts';
export { parsePlanFile, readPlanTextFile } from './parse-plan-file.ts';
export { classifyPlanHeader, PLAN_COLUMN_ORDER, PLAN_COLUMN_TITLES } from './plan-columns.ts';
export type { PlanColumnKind, PlanDataColumn } from './plan-columns.ts';
