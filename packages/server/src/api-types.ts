/**
 * Types shared with the web app. `web` imports only types from `server`, and only from this file.
 * Keep it free of runtime imports (type-only imports from core are fine).
 */

import type { ObjectKind, PopulationRule, Role, RegionLevel, RiskClass } from '@ssj/core';

/** The four staff roles (DOMAIN.md §6, core access/roles.ts); the public has no account. */
export type { Role, RegionLevel };

/** Register types the web shows (core registry): object kinds, risk classes (sealed), population rules. */
export type { ObjectKind, PopulationRule, RiskClass };

export interface RegionDto {
  /** GB/T 2260 code, e.g. 140500 晋城市 (the development zone's code is ours, see docs/ARCHITECTURE.md). */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DepartmentDto {
  id: number;
  code: string;
  name: string;
  aliases: string[];
  regionCode: string;
  regionName: string;
}

export interface SessionUserDto {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  regionCode: string;
  regionName: string;
}

/** GET /api/auth/session and POST /api/auth/login answer with this. */
export interface SessionDto {
  user: SessionUserDto;
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
}

export interface HealthDto {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}

/** Every error response has this body; `code` is stable, `message` is for people (zh-CN). */
export interface ErrorDto {
  error: { code: string; message: string; details?: unknown };
}

export interface PublicOverviewDto {
  regions: RegionDto[];
  departmentCount: number;
  /** The published plan of the latest year, or null while none is published. */
  plan: { year: number; version: number; taskCount: number; publishedAt: string } | null;
}

export type RatioBoundDto = 'exact' | 'atLeast' | 'atMost';

export interface TaskLineDto {
  matters: string[];
  scope: string | null;
  ratio: { percent: number; bound: RatioBoundDto } | null;
  timesPerYear: number | null;
  minCount: number | null;
  approxCount: number | null;
  window: { fromMonth: number; toMonth: number } | null;
}

/** 抽查任务 as the portal and the staff app show it. */
export interface TaskDto {
  /** Stable code, e.g. JC2023-001. */
  code: string;
  seq: number;
  seqPrinted: string | null;
  regionCode: string;
  regionName: string;
  name: string;
  riskBased: boolean;
  /** Printed names. */
  initiators: string[];
  cooperators: string[];
  /** Canonical departments the printed names resolve to. */
  initiatorDepartments: { id: number; name: string }[];
  cooperatorDepartments: { id: number; name: string }[];
  lines: TaskLineDto[];
}

export interface PlanVersionDto {
  version: number;
  reason: string;
  sha256: string;
  createdAt: string;
}

export interface PlanSummaryDto {
  year: number;
  title: string;
  status: 'draft' | 'published';
  version: number;
  taskCount: number;
  publishedAt: string | null;
  sourceName: string | null;
  versions: PlanVersionDto[];
}

export interface PlanTasksDto {
  plan: PlanSummaryDto;
  tasks: TaskDto[];
}

/** A task as the parser produces it and the preview/editor sends back (core PlanTask). */
export interface PlanTaskInput {
  seq: number;
  seqPrinted: string | null;
  /** The plan's region label: 晋城市本级, 城区, 泽州县, 高平市, 阳城县, 陵川县, 沁水县, 开发区. */
  region: string;
  name: string | null;
  lines: TaskLineDto[];
  riskBased: boolean;
  initiators: string[];
  cooperators: string[];
  initiatorDepartments: string[];
  cooperatorDepartments: string[];
}

export interface PlanWarningDto {
  seq: number | null;
  lines: number[];
  /** The parser's message (English). */
  message: string;
  /** The same in Chinese for the reviewing clerk (core translatePlanWarning). */
  messageZh: string;
}

/** POST /api/plans/preview (multipart, field `file`): the parse, nothing stored. */
export interface PlanPreviewDto {
  fileName: string;
  format: 'text' | 'xlsx' | 'xls' | 'docx';
  tasks: PlanTaskInput[];
  warnings: PlanWarningDto[];
}

/** POST /api/plans/:year/draft body. */
export interface PlanDraftInput {
  title: string;
  sourceName: string | null;
  tasks: PlanTaskInput[];
}

export type ChangeKind = 'add' | 'adjust' | 'withdraw';
export type ChangeStatus = 'pending' | 'approved' | 'rejected';

/** 计划调整申请: a department asks to add, adjust or withdraw a task, with its stamped letter. */
export interface ChangeRequestDto {
  id: number;
  year: number;
  kind: ChangeKind;
  /** The task adjusted or withdrawn (null for add). */
  taskCode: string | null;
  /** The proposed task (add, adjust); null for withdraw. */
  task: PlanTaskInput | null;
  reason: string;
  departmentId: number;
  departmentName: string;
  submittedBy: string;
  submittedAt: string;
  letter: { fileName: string; mimeType: string; size: number; sha256: string };
  status: ChangeStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The plan version the approval made. */
  resultingVersion: number | null;
}

/** One entry of the public change history (no letter, no personal names). */
export interface PlanChangeDto {
  version: number;
  kind: ChangeKind | 'publish';
  taskCode: string | null;
  taskName: string | null;
  reason: string;
  departmentName: string | null;
  decidedAt: string;
}

export interface DrawFrameDto {
  taskCode: string;
  taskName: string;
  batch: number;
  frameHash: string;
  frameSize: number;
  /** Public stratum labels (S1…): sizes and allocations; which class is which stays sealed. */
  strata: { name: string; size: number; allocation: number }[];
  sealedHash: string | null;
  excludedCount: number;
  /** The published draw of this frame, once the session is published. */
  drawId: number | null;
}

/** 抽取会 as the portal shows it: frames (hashes public from freezing on), then the seed, then the draws. */
export interface DrawSessionDto {
  id: number;
  year: number;
  title: string;
  status: 'frozen' | 'seeded' | 'published';
  frozenAt: string;
  seed: { digits: string; beacon: string | null; witnesses: string[]; enteredAt: string } | null;
  publishedAt: string | null;
  frames: DrawFrameDto[];
}

export interface DrawTargetDto {
  rank: number;
  canonicalId: string;
  name: string;
  regionName: string;
  address: string;
  ticket: string;
  /** Team members by public inspector code and department (no personal names on the portal). */
  team: { inspectorCode: string; department: string }[];
}

export interface DrawDto {
  id: number;
  taskCode: string;
  taskName: string;
  year: number;
  batch: number;
  sessionId: number;
  recordSha256: string;
  frameHash: string;
  frameSize: number;
  createdAt: string;
  supersedes: number | null;
  supersededBy: number | null;
  targets: DrawTargetDto[];
}

export interface DrawListItemDto {
  id: number;
  taskCode: string;
  taskName: string;
  year: number;
  batch: number;
  sessionId: number;
  targets: number;
  frameSize: number;
  createdAt: string;
  supersededBy: number | null;
}

export interface AuditEntryDto {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

/** A day's anchor: the hash of the day's last audit entry. Anyone who kept an anchor can detect a rewritten past. */
export interface AuditAnchorDto {
  day: string;
  entries: number;
  lastEntryId: number;
  headHash: string;
}

// ── The registers 一单两库 (issue "The registers") ─────────────────────────────────────────────────────────────

/** One object of the register 检查对象名录库. `riskClass` is present only for roles allowed to see it (never public). */
export interface ObjectDto {
  id: number;
  canonicalId: string;
  uscc: string | null;
  regNo: string | null;
  name: string;
  kind: ObjectKind;
  categoryCodes: string[];
  regionCode: string;
  status: string;
  registeredCapital: number | null;
  riskClass?: RiskClass | null;
}

/** GET /api/objects: one page (50 rows) of the filtered register. */
export interface ObjectPageDto {
  objects: ObjectDto[];
  total: number;
  page: number;
  pageSize: number;
  /** True when the caller's role may see the sealed risk class (the rows carry `riskClass`). */
  riskClassShown: boolean;
}

/** One inspector of 执法检查人员名录库: personal data, staff only. */
export interface InspectorDto {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  regionCode: string;
  certificateNo: string;
  certificateExpiresOn: string;
  status: string;
  specialties: string[];
  beat: string | null;
}

/** One entry of the item list 随机抽查事项清单 (published). */
export interface ItemDto {
  id: number;
  departmentName: string;
  departmentId: number | null;
  regionCode: string | null;
  sequence: string;
  category: string;
  matter: string;
  objectScope: string;
  itemType: '一般' | '重点' | null;
  method: string;
  inspectingBody: string;
  legalBasis: string;
  field: string;
  initiator: string;
  cooperators: string[];
}

/** A category of the object register (core OBJECT_CATEGORIES). */
export interface ObjectCategoryDto {
  code: string;
  name: string;
  group: string;
  kinds: ObjectKind[];
}

export type ImportKind = 'objects' | 'inspectors' | 'items';

/** A field of a register the columns of a file can be mapped to. */
export interface ImportFieldDto {
  key: string;
  label: string;
  required: boolean;
}

/** POST /api/imports/:kind/preview: what the file looks like; nothing is stored. */
export interface ImportPreviewDto {
  fileName: string;
  format: string;
  /** Spreadsheet row of the (last) header row. */
  headerRow: number;
  /** The file's column headers, by 0-based column. */
  headers: string[];
  fields: ImportFieldDto[];
  /** Field key → suggested 0-based column, or null when none was found. */
  mapping: Record<string, number | null>;
  /** Required fields without a column. */
  missing: string[];
  /** The first 20 data rows. */
  sampleRows: { row: number; cells: string[] }[];
}

export interface ImportIssueDto {
  row: number;
  column: string;
  severity: 'error' | 'warning';
  message: string;
  value: string;
}

/** POST /api/imports/:kind: the import's outcome and the id of its downloadable report. */
export interface ImportResultDto {
  fileName: string;
  dryRun: boolean;
  stored: boolean;
  imported: number;
  valid: number;
  rows: number;
  errorRows: number;
  /** Every issue found (listed ones plus those beyond the list's cap). */
  issueCount: number;
  /** The first 200 issues; the report holds them all. */
  issues: ImportIssueDto[];
  sha256: string;
  format: string;
  /** GET /api/imports/reports/:id.xlsx (same user, 30 minutes). */
  reportId: string;
}

/** One plan line's population 抽查对象范围. */
export interface PopulationLineDto {
  taskLineId: number;
  taskCode: string;
  taskName: string;
  regionCode: string;
  scope: string;
  matters: string[];
  rule: PopulationRule;
  frameSize: number | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export interface PopulationsDto {
  year: number;
  lines: PopulationLineDto[];
}

/** 进一次门、查多项事: a target drawn by several tasks whose windows overlap, proposed as one joint visit. */
export interface JointVisitDto {
  canonicalId: string;
  objectName: string;
  regionName: string;
  /** The months every task's window shares. */
  window: { fromMonth: number; toMonth: number };
  tasks: { code: string; name: string; batch: number; drawId: number; fromMonth: number; toMonth: number }[];
}

/** Where a result stands against its publication deadline (core describeDeadline). */
export type DeadlineStatusDto =
  | { kind: 'open'; workingDaysLeft: number }
  | { kind: 'due' }
  | { kind: 'overdue'; workingDaysLate: number }
  | { kind: 'met' }
  | { kind: 'late'; workingDaysLate: number };

export type InspectionStateDto = 'draft' | 'submitted' | 'returned' | 'published';

export interface InspectionTaskRefDto {
  taskId: number;
  code: string;
  name: string;
  batch: number;
  departmentName: string;
  matters: string[];
  deadline: string;
}

/** GET /api/inspections: one visit per row (a joint visit serves several tasks). */
export interface InspectionListItemDto {
  id: number;
  year: number;
  objectName: string;
  canonicalId: string;
  regionCode: string;
  regionName: string;
  address: string;
  status: InspectionStateDto;
  responsibleDepartmentName: string;
  tasks: InspectionTaskRefDto[];
  windowFrom: string;
  windowTo: string;
  deadline: string;
  /** Set when the deadline was counted through a year without a known holiday schedule. */
  deadlineWarning: string | null;
  deadlineStatus: DeadlineStatusDto;
  publishedOn: string | null;
}

export interface InspectionListDto {
  inspections: InspectionListItemDto[];
  total: number;
  /** The day the countdowns are computed for (China time). */
  today: string;
}

export interface InspectionResultDto {
  id: number;
  taskId: number;
  matter: string;
  codes: string[];
  note: string;
  recognisedResultId: number | null;
}

export interface RecognitionOfferDto {
  taskId: number;
  matter: string;
  resultId: number;
  departmentName: string;
  taskCode: string;
  codes: string[];
  publishedOn: string;
}

export interface EvidenceDto {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  caption: string;
  at: string;
}

export interface InspectionReviewDto {
  action: 'submit' | 'return' | 'approve';
  reason: string | null;
  by: string;
  at: string;
}

export interface InspectionDto extends InspectionListItemDto {
  object: {
    uscc: string | null;
    regNo: string | null;
    kind: string;
    legalRepresentative: string;
    status: string;
    registeredCapital: number | null;
    establishedOn: string | null;
    businessScope: string;
    licences: { name: string; number: string; expiresOn: string | null }[];
  };
  team: {
    inspectorId: number;
    code: string;
    name: string;
    departmentName: string;
    certificateExpiresOn: string;
  }[];
  method: string | null;
  inspectedOn: string | null;
  findings: string;
  results: InspectionResultDto[];
  evidence: EvidenceDto[];
  reviews: InspectionReviewDto[];
  returnReason: string | null;
  recognitionOffers: RecognitionOfferDto[];
  /** Published results of earlier visits to the same object. */
  history: { inspectionId: number; publishedOn: string; taskCode: string; matter: string; codes: string[] }[];
  canEdit: boolean;
  canReview: boolean;
}

export interface InspectionSaveInput {
  method?: string | null;
  inspectedOn?: string | null;
  findings?: string;
  results: {
    taskId: number;
    matter: string;
    codes: string[];
    note?: string;
    recognisedResultId?: number | null;
  }[];
}

export interface FollowUpDto {
  id: number;
  inspectionId: number;
  objectName: string;
  canonicalId: string;
  regionName: string;
  taskCode: string;
  taskName: string;
  departmentName: string;
  codes: string[];
  type: string | null;
  state: 'open' | 'closed';
  closedOn: string | null;
  outcome: string;
  seriousMarks: string[];
  publishedOn: string | null;
}

/** One published result on the public portal (per task served; never sealed data). */
export interface PublicResultDto {
  inspectionId: number;
  objectName: string;
  canonicalId: string;
  regionName: string;
  taskCode: string;
  taskName: string;
  batch: number;
  departmentName: string;
  matters: { matter: string; codes: string[]; codeNames: string[]; recognised: boolean }[];
  method: string | null;
  inspectedOn: string | null;
  publishedOn: string;
  deadline: string;
  late: boolean;
}

export interface PublicResultPageDto {
  results: PublicResultDto[];
  /** At most 10,000: `totalCapped` says there are more (narrow the search). */
  total: number;
  totalCapped: boolean;
}

export interface NotificationDto {
  id: number;
  kind: string;
  message: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

// ── Oversight (issue "Oversight"): progress, estimates, burden, bulletins, assessment ──

/** The counts of DOMAIN.md §5 (core oversight/progress-figures.ts), in task results (户次). */
export interface ProgressCountsDto {
  due: number;
  inspected: number;
  entered: number;
  published: number;
  closed: number;
  overdue: number;
  dueToday: number;
  late: number;
  problems: number;
}

export type ProgressStatusDto = 'red' | 'yellow' | 'green' | 'none';

export interface ProgressRowDto {
  counts: ProgressCountsDto;
  /** 已公示/应检查, null when nothing is due. */
  completionRate: number | null;
  /** 完结/已公示, null when nothing is published. */
  closureRate: number | null;
  status: ProgressStatusDto;
}

export interface DepartmentProgressDto extends ProgressRowDto {
  departmentId: number;
  departmentName: string;
  regionCode: string;
  regionName: string;
  /** By 完成率 among departments with work due; null for none. */
  rank: number | null;
}

export interface RegionProgressDto extends ProgressRowDto {
  regionCode: string;
  regionName: string;
  departments: number;
}

export interface TaskProgressDto extends ProgressRowDto {
  taskId: number;
  taskCode: string;
  taskName: string;
  departmentId: number;
  departmentName: string;
  regionName: string;
}

export interface MonthProgressDto {
  /** YYYY-MM */
  month: string;
  /** Task results whose batch window ends this month. */
  windowEnding: number;
  /** Published this month, and of those after their deadline. */
  published: number;
  late: number;
  cumulativeWindowEnded: number;
  cumulativePublished: number;
  /** cumulativePublished / 应检查 of the year (the completion curve). */
  cumulativeRate: number | null;
  /** cumulativeWindowEnded / 应检查 (the share whose batch has ended: the pace the curve should keep). */
  expectedRate: number | null;
}

export interface ProgressScopeDto {
  regionCode: string | null;
  regionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
}

export interface ProgressReportDto {
  year: number;
  /** The figures stand at the end of this China day (yesterday unless asked otherwise). */
  asOf: string;
  today: string;
  scope: ProgressScopeDto;
  totals: ProgressRowDto;
  departments: DepartmentProgressDto[];
  regions: RegionProgressDto[];
  tasks: TaskProgressDto[];
  months: MonthProgressDto[];
}

export type ProgressMetricDto = keyof ProgressCountsDto | 'pending';

/** One task result behind a number (a drawn target of a task batch). */
export interface ProgressUnitDto {
  inspectionId: number | null;
  taskCode: string;
  batch: number;
  objectName: string;
  canonicalId: string;
  objectRegionName: string;
  departmentName: string;
  status: InspectionStateDto | null;
  deadline: string | null;
  publishedOn: string | null;
}

export interface ProgressUnitPageDto {
  asOf: string;
  metric: ProgressMetricDto;
  total: number;
  units: ProgressUnitDto[];
}

export type EstimateDimensionDto = 'task' | 'matter' | 'sector' | 'region';

/** The estimated share of non-compliant objects of a domain with its 95% interval and the sample behind it. */
export interface EstimateRowDto {
  key: string;
  label: string;
  detail: string;
  status: 'ok' | 'no_sample';
  p: number | null;
  low: number | null;
  high: number | null;
  /** Objects inspected with a published result, and found non-compliant. */
  n: number;
  x: number;
  population: number;
  coveredPopulation: number;
  strata: number;
  coveredStrata: number;
  effectiveN: number | null;
}

export interface EstimatesDto {
  year: number;
  asOf: string;
  dimension: EstimateDimensionDto;
  rows: EstimateRowDto[];
}

/** Burden and effect (the OECD "reality check"); risk classes are sealed: office and auditors only. */
export interface BurdenDto {
  year: number;
  asOf: string;
  objectsVisited: number;
  visits: number;
  taskResults: number;
  /** How many objects had 1, 2, 3, 4+ visits in the year. */
  visitsPerObject: { visits: string; objects: number }[];
  meanVisitsPerObject: number | null;
  /** Visits serving more than one task, and the visits they spared (task results beyond the first). */
  jointVisits: number;
  visitsSavedByJointVisits: number;
  /** Matter results taken over from another department's published result (采信), and visits wholly spared. */
  recognisedResults: number;
  visitsSavedByRecognition: number;
  detectionByRiskClass: {
    riskClass: string;
    published: number;
    problems: number;
    rate: number | null;
    low: number | null;
    high: number | null;
  }[];
}

export interface BulletinDto {
  id: number;
  year: number;
  seq: number;
  number: string;
  kind: 'monthly' | 'on_demand';
  period: string | null;
  asOf: string;
  issuedOn: string;
  title: string;
  createdAt: string;
  createdBy: string | null;
  fileName: string;
  size: number;
  sha256: string;
  totals: ProgressCountsDto;
  redDepartments: number;
}

export type AssessmentCriterionDto = 'completion' | 'timeliness' | 'coverage' | 'closure' | 'dataQuality';

export interface AssessmentRulesDto {
  year: number;
  weights: Record<AssessmentCriterionDto, number>;
  completionDeadline: string;
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface AssessmentInputDto {
  due: number;
  publishedByDeadline: number;
  published: number;
  publishedOnTime: number;
  tasks: number;
  tasksCovered: number;
  matters: number;
  mattersCovered: number;
  followUps: number;
  followUpsClosed: number;
  entered: number;
  enteredFirstPass: number;
}

export interface AssessmentRowDto {
  departmentId: number;
  departmentName: string;
  regionCode: string;
  regionName: string;
  input: AssessmentInputDto;
  criteria: Record<AssessmentCriterionDto, number | null>;
  total: number | null;
  rank: number | null;
  grade: string;
}

export interface AssessmentDto {
  year: number;
  asOf: string;
  rules: AssessmentRulesDto;
  criteria: { key: AssessmentCriterionDto; title: string; weight: number }[];
  rows: AssessmentRowDto[];
}

/** GET /api/notifications: the newest notifications addressed to the user, and how many are unread. */
export interface NotificationListDto {
  notifications: NotificationDto[];
  unread: number;
}

/** One entry of the office's holiday-schedule table (放假 or 调休上班). */
export interface CalendarOverrideDto {
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
}

/** GET /api/calendar/overrides. */
export interface CalendarOverridesDto {
  entries: CalendarOverrideDto[];
  /** Years the office declared complete (their schedule counts as known). */
  completeYears: number[];
  /** Years whose official schedule ships with the platform (chinese-days). */
  officialYears: number[];
}

/** PUT /api/calendar/overrides: replaces one year's entries. */
export interface CalendarOverridesInput {
  year: number;
  entries: CalendarOverrideDto[];
  /** Whether these entries are that year's complete official schedule. */
  complete: boolean;
}

/** GET /api/calendar/deadline: the publication deadline of a batch ending on `end`. */
export interface CalendarDeadlineDto {
  end: string;
  workingDays: number;
  deadline: string;
  /** Years crossed whose schedule is not known (counted Monday–Friday). */
  unknownYears: number[];
  /** zh-CN warnings, one per unknown year. */
  warnings: string[];
}

// ── Risk model (智慧监管, issue #9). Staff only: model bands and scores are sealed like the official classes. ──

export type RiskBandDto = '低' | '中' | '高';

/** The held-out part of the results a model was evaluated on, and what it was trained on. */
export interface RiskTrainingWindowDto {
  /** `latest-year`: trained on earlier years, evaluated on the latest; `last-quarter`: one year only, its last 25%. */
  holdout: 'latest-year' | 'last-quarter';
  years: number[];
  trainRows: number;
  trainPositives: number;
  trainFrom: string;
  trainTo: string;
  testRows: number;
  testPositives: number;
  testFrom: string;
  testTo: string;
  /** zh-CN: what was held out and why. */
  note: string;
}

export interface RiskCalibrationBinDto {
  decile: number;
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

/** A model's evaluation on the held-out results. */
export interface RiskModelEvaluationDto {
  rows: number;
  positives: number;
  baseRate: number;
  auc: number;
  /** AUC of the official class alone (each class scored by its training violation rate), for comparison. */
  classOnlyAuc: number | null;
  liftTopDecile: number;
  topDecileRate: number;
  brierScore: number;
  logLoss: number;
  calibration: RiskCalibrationBinDto[];
  /** Held-out rows per model band. */
  bands: { band: RiskBandDto; rows: number; positives: number; rate: number | null }[];
  /** The model this one replaced, and whether the AUC dropped by more than 0.05 against it (drift). */
  previous: { version: number; auc: number } | null;
  drift: boolean;
}

export interface RiskModelSummaryDto {
  version: number;
  trainedAt: string;
  trainedBy: string | null;
  /** The day the training data was read as of. */
  asOf: string;
  window: RiskTrainingWindowDto;
  evaluation: RiskModelEvaluationDto;
  bandCuts: { medium: number; high: number };
}

/** GET /api/risk/models: newest first; `driftWarning` when the newest model's AUC dropped by more than 0.05. */
export interface RiskModelsDto {
  models: RiskModelSummaryDto[];
  driftWarning: string | null;
}

/** GET /api/objects/:id/risk: the object's band under the newest model and its top three reasons. */
export interface ObjectRiskDto {
  objectId: number;
  canonicalId: string;
  name: string;
  /** null when no model has been trained yet. */
  model: { version: number; trainedAt: string } | null;
  asOf: string;
  band: RiskBandDto | null;
  score: number | null;
  reasons: { feature: string; description: string; contribution: number }[];
}

/** Detection: the share of published inspections that found a non-compliance (any matter). */
export interface RiskDetectionRowDto {
  key: string;
  label: string;
  inspections: number;
  nonCompliant: number;
  rate: number | null;
}

/** Tilted strata against the uniform control sample of the same tilted draws. */
export interface RiskTiltComparisonDto {
  key: string;
  label: string;
  control: RiskDetectionRowDto;
  tilted: RiskDetectionRowDto;
  /** Tilted rate ÷ control rate (null without a control result). */
  lift: number | null;
  /** Every target of the tilted draws (tilted strata and control together). */
  all: RiskDetectionRowDto;
  /**
   * The detection rate uniform draws of the same frames and sizes would have had, estimated from every stratum
   * (Σ W_h p̂_h per draw, W_h = N_h / N; DOMAIN.md §5): far more precise than the control sample alone. Null for
   * sectors (a domain inside strata).
   */
  uniformEstimate: number | null;
  /** `all` rate ÷ `uniformEstimate`: how much more the tilted draws found than uniform ones would have. */
  estimatedLift: number | null;
}

/** GET /api/risk/report?year=. */
export interface RiskReportDto {
  year: number;
  model: { version: number; asOf: string } | null;
  /** Published inspections of the year by the model's band (features as of the inspection day). */
  byBand: RiskDetectionRowDto[];
  /** The same, only inspections on or after the day the model was trained as of (out of sample). */
  byBandAfterTraining: RiskDetectionRowDto[];
  /** By official class as of the inspection day. */
  byClass: RiskDetectionRowDto[];
  /** Draws tilted by the model, with their control samples; null when the year has none. */
  tilt: {
    draws: number;
    overall: RiskTiltComparisonDto;
    byTask: RiskTiltComparisonDto[];
    bySector: RiskTiltComparisonDto[];
    /** Draws of the year that were not tilted (uniform or by official class). */
    untilted: RiskDetectionRowDto;
  } | null;
}

export interface RiskTiltTaskDto {
  code: string;
  name: string;
  regionName: string;
  riskBased: boolean;
  enabled: boolean;
  /** Frames of this task frozen with the model's tilt. */
  tiltedFrames: number;
}

/** GET /api/risk/tilt/:year: the office's switch for the plan, the control share and the per-task toggles. */
export interface RiskTiltSettingsDto {
  year: number;
  enabled: boolean;
  controlShare: number;
  modelVersion: number | null;
  tasks: RiskTiltTaskDto[];
}

/** GET /api/risk/tilt/:year/tasks/:code/allocation: the allocation a draw of the task would use now. */
export interface RiskAllocationPreviewDto {
  year: number;
  taskCode: string;
  batch: number;
  tilted: boolean;
  modelVersion: number | null;
  controlShare: number | null;
  frameSize: number;
  demanded: number;
  total: number;
  strata: {
    name: string;
    control: boolean;
    population: number;
    available: number;
    multiplier: number;
    count: number;
  }[];
}
