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
  total: number;
}

export interface NotificationDto {
  id: number;
  kind: string;
  message: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}
