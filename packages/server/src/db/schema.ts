import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { InspectionState, ObjectKind, PopulationRule, RiskClass } from '@ssj/core';
import type { Role, RegionLevel } from '../api-types.ts';

/**
 * The database model, table by table (docs/ARCHITECTURE.md "The model").
 * Timestamps are `timestamptz`; both PGlite and node-postgres return them as Date.
 */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  tasks: TaskTable;
  task_lines: TaskLineTable;
  files: FileTable;
  plan_change_requests: PlanChangeRequestTable;
  objects: ObjectTable;
  object_licences: ObjectLicenceTable;
  object_risk_history: ObjectRiskHistoryTable;
  inspectors: InspectorTable;
  inspector_conflicts: InspectorConflictTable;
  task_line_populations: TaskLinePopulationTable;
  draw_sessions: DrawSessionTable;
  draw_frames: DrawFrameTable;
  draw_sealed_strata: DrawSealedStrataTable;
  draws: DrawTable;
  draw_targets: DrawTargetTable;
  draw_team_members: DrawTeamMemberTable;
  items: ItemTable;
  inspections: InspectionTable;
  inspection_tasks: InspectionTaskTable;
  inspection_members: InspectionMemberTable;
  inspection_results: InspectionResultTable;
  inspection_reviews: InspectionReviewTable;
  inspection_evidence: InspectionEvidenceTable;
  public_results: PublicResultTable;
  public_result_codes: PublicResultCodeTable;
  follow_ups: FollowUpTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_complete_years: CalendarCompleteYearTable;
  notifications: NotificationTable;
  bulletins: BulletinTable;
  assessment_rules: AssessmentRulesTable;
  risk_models: RiskModelTable;
  risk_tilt_plans: RiskTiltPlanTable;
  risk_tilt_tasks: RiskTiltTaskTable;
}

/** 抽取会: frames frozen first, then the seed entered once by witnesses, then draws published. */
export interface DrawSessionTable {
  id: Generated<number>;
  year: number;
  title: string;
  status: 'frozen' | 'seeded' | 'published';
  created_by: number | null;
  frozen_at: CreatedAt;
  seed_digits: string | null;
  beacon: string | null;
  witnesses: ColumnType<string[] | null, string | null, string | null>;
  seed_at: Date | null;
  published_at: Date | null;
}

export interface DrawFrameStratumRow {
  name: string;
  size: number;
  allocation: number;
}

export interface DrawFrameTable {
  id: Generated<number>;
  session_id: number;
  task_id: number;
  task_code: string;
  batch: number;
  algorithm: string;
  frame_hash: string;
  id_count: number;
  ids: Json<string[]>;
  /** Public stratum labels with size and allocation. */
  strata: Json<DrawFrameStratumRow[]>;
  sealed_hash: string | null;
  /** Targets of earlier batches of the task, excluded from this frame: {count, hash}. */
  excluded: Json<{ count: number; hash: string; ids: string[] }>;
  /** core allocateBatch result, with the sealed class names (staff only). */
  allocation: Json<unknown>;
  /** A re-draw: the published draw this frame replaces, why, and the office admin who approved it. */
  supersedes_draw_id: number | null;
  redraw_reason: string | null;
  redraw_approved_by: number | null;
  created_at: CreatedAt;
  /** A frame tilted by the risk model's bands (issue #9): the model used and the uniform control share. */
  risk_model_id: ColumnType<number | null, number | null | undefined, never>;
  risk_control_share: ColumnType<number | null, number | null | undefined, never>;
}

export interface DrawSealedStrataTable {
  frame_id: number;
  salt: string;
  /**
   * The sealed stratum label of each frame id: `id_strata[i]` is the stratum of `draw_frames.ids[i]`; empty for a
   * frame of one stratum (migration `sealed-strata-labels`).
   */
  id_strata: Json<string[]>;
  /** Public label → risk class (S1 → A …). */
  labels: Json<Record<string, string>>;
}

export interface DrawTable {
  id: Generated<number>;
  frame_id: number;
  task_id: number;
  task_code: string;
  batch: number;
  /** The published record (core draw/draw-record.ts), what `ssj verify` and tools/verify.py read. */
  record: Json<unknown>;
  record_sha256: string;
  supersedes_draw_id: number | null;
  reason: string | null;
  approved_by: number | null;
  created_at: CreatedAt;
}

export interface DrawTargetTable {
  draw_id: number;
  rank: number;
  object_id: number;
  canonical_id: string;
  ticket: string;
}

export interface DrawTeamMemberTable {
  draw_id: number;
  object_id: number;
  inspector_id: number;
  department_id: number;
  ticket: string;
}

type Json<T> = ColumnType<T, string, string>;

/** 检查对象名录库. `risk_class` is sealed: never returned by a public route. */
export interface ObjectTable {
  id: Generated<number>;
  /** The id in draw frames: the USCC, else the 15-digit 注册号, else an internal id (P-…, F-…). */
  canonical_id: string;
  uscc: string | null;
  reg_no: string | null;
  name: string;
  /** The name normalised for matching named objects of a plan (core normaliseScopeText). */
  name_key: string;
  kind: ObjectKind;
  category_codes: Json<string[]>;
  flags: Json<string[]>;
  region_code: string;
  address: string;
  business_scope: string;
  registered_capital: number | null;
  established_on: string | null;
  status: string;
  legal_representative: string;
  risk_class: RiskClass | null;
  /** Where the row came from: `demo`, or `import:<file name>`. */
  source: string;
  created_at: CreatedAt;
  /**
   * Generated by the database (migration `register-line`): the line a draw session's freeze reads, or NULL when
   * the canonical id or status holds a TAB, LF or CR.
   */
  register_line: ColumnType<string | null, never, never>;
}

export interface ObjectLicenceTable {
  id: Generated<number>;
  object_id: number;
  name: string;
  number: string;
  expires_on: string | null;
}

export interface ObjectRiskHistoryTable {
  object_id: number;
  class: RiskClass;
  on: string;
  source: string;
  /** Why the class was set when not from the monthly classification (e.g. a serious follow-up outcome). */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 执法检查人员名录库. Personal data: never on a public route. */
export interface InspectorTable {
  id: Generated<number>;
  code: string;
  name: string;
  department_id: number;
  region_code: string;
  certificate_no: string;
  certificate_expires_on: string;
  second_certificate: ColumnType<
    { name: string; number: string; expiresOn: string } | null,
    string | null,
    string | null
  >;
  specialties: Json<string[]>;
  status: '在岗' | '休假' | '调离';
  beat: string | null;
  source: string;
  created_at: CreatedAt;
}

export interface InspectorConflictTable {
  inspector_id: number;
  object_id: number;
  reason: Generated<string>;
}

export interface TaskLinePopulationTable {
  task_line_id: number;
  /** core PopulationRule. */
  rule: Json<PopulationRule>;
  frame_size: number | null;
  confirmed_by: number | null;
  confirmed_at: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RegionTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  sort_order: number;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  aliases: ColumnType<string[], string, string>;
  region_code: string;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  department_id: number | null;
  region_code: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: CreatedAt;
  password_changed_at: CreatedAt;
  /** An inspector's account: the register entry whose inspections it sees. */
  inspector_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SessionTable {
  /** SHA-256 hex of the cookie token: a database leak does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: number | null;
  actor_role: string | null;
  actor_department_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface PlanTable {
  id: Generated<number>;
  year: number;
  title: string;
  status: 'draft' | 'published';
  current_version: Generated<number>;
  source_name: string | null;
  created_at: CreatedAt;
  published_at: Date | null;
}

export interface PlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  reason: string;
  snapshot_sha256: string;
  /** The version's full task list (core PlanTask[] with codes), so any version can be shown again. */
  snapshot: ColumnType<unknown, string | null | undefined, never>;
  change_request_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface FileTable {
  id: Generated<number>;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: CreatedAt;
}

export interface PlanChangeRequestTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'add' | 'adjust' | 'withdraw';
  task_code: string | null;
  task: ColumnType<unknown, string | null, string | null> | null;
  reason: string;
  department_id: number;
  submitted_by: number;
  submitted_at: CreatedAt;
  letter_file_id: number;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: number | null;
  decided_at: Date | null;
  decision_reason: string | null;
  resulting_version: number | null;
}

export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  /** Stable code `JC` + year + `-` + three-digit seq, e.g. JC2023-001. */
  code: string;
  seq: number;
  seq_printed: string | null;
  region_code: string;
  name: string;
  risk_based: boolean;
  initiators: ColumnType<string[], string, string>;
  cooperators: ColumnType<string[], string, string>;
  initiator_department_ids: ColumnType<number[], string, string>;
  cooperator_department_ids: ColumnType<number[], string, string>;
  status: 'active' | 'withdrawn';
}

export interface TaskLineTable {
  id: Generated<number>;
  task_id: number;
  line_no: number;
  matters: ColumnType<string[], string, string>;
  scope: string;
  ratio_percent: number | null;
  ratio_bound: 'exact' | 'atLeast' | 'atMost' | null;
  times_per_year: number | null;
  min_count: number | null;
  approx_count: number | null;
  window_from_month: number | null;
  window_to_month: number | null;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type RegionRow = Selectable<RegionTable>;

/** 随机抽查事项清单: one inspection matter per row (migration 2026-11-27T13-00-00-items). */
export interface ItemTable {
  id: Generated<number>;
  /** The department as the list prints it (编制单位名称, else 发起部门). */
  department_name: string;
  department_id: number | null;
  region_code: string | null;
  sequence: string;
  category: string;
  matter: string;
  object_scope: string;
  item_type: '一般' | '重点' | null;
  method: string;
  inspecting_body: string;
  legal_basis: string;
  field: string;
  initiator: string;
  cooperators: Json<string[]>;
  /** `import:<file name>`. */
  source: string;
  source_row: number | null;
  created_at: CreatedAt;
}

/** 检查: one visit to a drawn target for one or more task batches (migration 2026-11-27T16-00-00-inspections). */
export interface InspectionTable {
  id: Generated<number>;
  year: number;
  object_id: number;
  canonical_id: string;
  region_code: string;
  /** The department whose reviewer approves (the initiating department of the first task served). */
  responsible_department_id: number;
  status: Generated<InspectionState>;
  window_from: string;
  window_to: string;
  /** The earliest publication deadline of the task batches served (YYYY-MM-DD). */
  deadline: string;
  /** Set when the deadline was counted through a year without a known holiday schedule. */
  deadline_warning: string | null;
  method: string | null;
  inspected_on: string | null;
  findings: Generated<string>;
  draft_saved_at: Date | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  return_reason: string | null;
  reviewed_by: number | null;
  published_at: Date | null;
  published_on: string | null;
  late: boolean | null;
  created_at: CreatedAt;
}

export interface InspectionTaskTable {
  inspection_id: number;
  draw_id: number;
  object_id: number;
  task_id: number;
  task_code: string;
  batch: number;
  department_id: number;
  matters: Json<string[]>;
  window_from: string;
  window_to: string;
  deadline: string;
}

/**
 * The public result search's read model: one row per task link of a published inspection, written by triggers
 * (migration `public-results`); never written by the application.
 */
export interface PublicResultTable {
  inspection_id: number;
  draw_id: number;
  task_id: number;
  task_code: string;
  batch: number;
  department_id: number;
  year: number;
  region_code: string;
  object_id: number;
  canonical_id: string;
  method: string | null;
  inspected_on: string | null;
  published_on: string;
  deadline: string;
  late: boolean;
  codes: string[];
}

/** One row per result code of a `public_results` row, with its ordering columns (the filter by result code). */
export interface PublicResultCodeTable {
  code: string;
  inspection_id: number;
  draw_id: number;
  year: number;
  region_code: string;
  department_id: number;
  task_code: string;
  published_on: string;
}

export interface InspectionMemberTable {
  inspection_id: number;
  inspector_id: number;
  department_id: number;
}

export interface InspectionResultTable {
  id: Generated<number>;
  inspection_id: number;
  task_id: number;
  matter: string;
  result_codes: Json<string[]>;
  non_compliant: boolean;
  note: Generated<string>;
  recognised_result_id: number | null;
}

export interface InspectionReviewTable {
  id: Generated<number>;
  inspection_id: number;
  action: 'submit' | 'return' | 'approve';
  reason: string | null;
  user_id: number | null;
  at: CreatedAt;
}

export interface InspectionEvidenceTable {
  id: Generated<number>;
  inspection_id: number;
  file_id: number;
  caption: Generated<string>;
  uploaded_by: number | null;
  at: CreatedAt;
}

export interface FollowUpTable {
  id: Generated<number>;
  inspection_id: number;
  task_id: number;
  object_id: number;
  responsible_department_id: number;
  type: string | null;
  state: Generated<'open' | 'closed'>;
  closed_on: string | null;
  outcome: Generated<string>;
  serious_marks: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
  closed_by: number | null;
}

export interface CalendarOverrideTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CalendarCompleteYearTable {
  year: number;
  created_by: number | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number | null;
  department_id: number | null;
  kind: string;
  inspection_id: number | null;
  message: string;
  link: string | null;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Date | null;
}

/** 通报: a progress bulletin as issued, its .docx in `files` (migration 2026-11-27T17-00-00-oversight). Immutable. */
export interface BulletinTable {
  id: Generated<number>;
  year: number;
  seq: number;
  /** 文号, e.g. 晋城市双随机办〔2023〕3号. */
  number: string;
  kind: 'monthly' | 'on_demand';
  /** YYYY-MM of a monthly bulletin. */
  period: string | null;
  as_of: string;
  issued_on: string;
  title: string;
  file_id: number;
  /** The headline figures printed (totals and red departments), for the list without opening the file. */
  figures: Json<unknown>;
  created_by: number | null;
  created_at: CreatedAt;
}

/** 考评细则 of a year: core AssessmentRules (weights and completion deadline). */
export interface AssessmentRulesTable {
  year: number;
  rules: Json<unknown>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A trained risk model (migration 2026-11-27T18-00-00-risk-models): versioned, immutable. */
export interface RiskModelTable {
  id: Generated<number>;
  version: number;
  trained_at: CreatedAt;
  trained_by: number | null;
  /** The day the training data was read as of (YYYY-MM-DD). */
  as_of: string;
  training_window: Json<unknown>;
  /** core RiskModel. */
  model: Json<unknown>;
  evaluation: Json<unknown>;
  /** core RiskBandCuts. */
  band_cuts: Json<unknown>;
}

/** The office's switch per plan: draws of its tasks may tilt by the model's risk band. */
export interface RiskTiltPlanTable {
  plan_id: number;
  enabled: boolean;
  control_share: number;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Per task: tilt its draws by the model's band (effective only while its plan's switch is on). */
export interface RiskTiltTaskTable {
  task_id: number;
  enabled: boolean;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
