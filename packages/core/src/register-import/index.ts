export { listMappingGaps } from './check-mapping.ts';
export { createCsvParser } from './csv-parser.ts';
export type { CsvParser, CsvRecord } from './csv-parser.ts';
export {
  describeExcelCorruptionZh,
  describeRegistrationNumberProblemZh,
  describeUsccProblemZh,
} from './describe-code-problem.ts';
export { detectHeader, HEADER_SCAN_ROWS } from './detect-header.ts';
export type { DetectedHeader } from './detect-header.ts';
export {
  deriveObjectRegion,
  findRegionInAddress,
  matchDivisionCode,
  matchRegionText,
} from './find-object-region.ts';
export type { RegionClues, RegionSource } from './find-object-region.ts';
export { hasErrorIssue } from './import-issue.ts';
export type { CellIssue, ImportIssue, IssueSeverity } from './import-issue.ts';
export { parseCellDate } from './parse-cell-date.ts';
export {
  normaliseInspectorStatus,
  normaliseItemType,
  normaliseObjectStatus,
  normaliseRiskClass,
  parseCapital,
} from './parse-cell-values.ts';
export {
  IMPORT_FIELDS,
  IMPORT_FILE_NAMES,
  INSPECTOR_FIELDS,
  ITEM_FIELDS,
  normaliseHeaderText,
  OBJECT_FIELDS,
  REGISTER_FIELDS,
  REGISTER_NAMES,
  RISK_HISTORY_FIELDS,
} from './register-fields.ts';
export type { FieldSpec, ImportFileKind, RegisterKind } from './register-fields.ts';
export { overrideColumnMapping, scoreHeader, suggestColumnMapping } from './suggest-column-mapping.ts';
export type {
  ColumnMapping,
  MappedColumn,
  MappingOverrideProblem,
  MappingSuggestion,
} from './suggest-column-mapping.ts';
export {
  departmentLookupKey,
  findDepartments,
  splitListCell,
  validateInspectorRow,
} from './validate-inspector-row.ts';
export type { ImportedInspector, InspectorRowContext, KnownDepartment } from './validate-inspector-row.ts';
export { validateItemRows } from './validate-item-rows.ts';
export type { ImportedItem, ItemRowsContext, SourceRow } from './validate-item-rows.ts';
export { describeDuplicateObject, headerOf, readField, validateObjectRow } from './validate-object-row.ts';
export type {
  ImportedObject,
  ObjectIdentity,
  ObjectRowContext,
  ObjectRowValidation,
  RowValidation,
} from './validate-object-row.ts';
export { validateRiskRow } from './validate-risk-row.ts';
export type { ImportedRiskClass, RiskRowContext, RiskRowValidation } from './validate-risk-row.ts';
