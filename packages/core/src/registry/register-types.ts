/**
 * The two registers of 一单两库 (DOMAIN.md §2): the object register 检查对象名录库 and the inspector register
 * 执法检查人员名录库, as the demo generator produces them and as a population rule reads them.
 */

/** What a 监管对象 is (DOMAIN.md §2): not all kinds have a USCC. */
export type ObjectKind =
  | 'enterprise' // 企业
  | 'individual' // 个体工商户
  | 'cooperative' // 农民专业合作社
  | 'institution' // 事业单位 (public schools, hospitals …)
  | 'social-organisation' // 社会组织 (社会团体, 民办非企业单位, 基金会)
  | 'project' // 工程项目
  | 'facility'; // 设施 (人防工程, 住宅小区, 集气站 …)

export const OBJECT_KINDS: readonly ObjectKind[] = [
  'enterprise',
  'individual',
  'cooperative',
  'institution',
  'social-organisation',
  'project',
  'facility',
];

export const OBJECT_KIND_NAMES: Readonly<Record<ObjectKind, string>> = {
  enterprise: '企业',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  institution: '事业单位',
  'social-organisation': '社会组织',
  project: '工程项目',
  facility: '设施',
};

/** 登记状态. Only 存续 objects are drawn by default. */
export type ObjectStatus = '存续' | '注销' | '吊销';

/** 信用风险分类 (DOMAIN.md §2): A 低风险 … D 高风险; never published. */
export type RiskClass = 'A' | 'B' | 'C' | 'D';

/**
 * Attributes a plan scope can filter on:
 * `above-scale` 规模以上/限额以上/有资质 (the units of the statistical 联网直报), `key-unit` 重点监管/重点单位.
 */
export type RegisterFlag = 'above-scale' | 'key-unit';

export interface Licence {
  /** 许可证 name, e.g. 食品经营许可证. */
  readonly name: string;
  readonly number: string;
  readonly expiresOn: string;
}

export interface RiskClassChange {
  readonly class: RiskClass;
  /** First day of the month the class was computed (recomputed monthly, DOMAIN.md §2). */
  readonly on: string;
}

/** One entry of the object register 检查对象名录库. */
export interface RegisterObject {
  /**
   * Canonical id used in draw frames (DOMAIN.md §4.1): the USCC; the 15-digit 注册号 for an old 个体工商户
   * without USCC; `P-<region>-<nnnn>` for a project, `F-<region>-<nnnn>` for a facility.
   */
  readonly id: string;
  readonly uscc: string | null;
  readonly regNo: string | null;
  readonly name: string;
  readonly kind: ObjectKind;
  /** Tagged categories (see categories.ts); broad categories (by kind, union) are implied, not listed. */
  readonly categoryCodes: readonly string[];
  readonly flags: readonly RegisterFlag[];
  /** GB/T 2260 code of the registering region (the division code in USCC characters 3–8). */
  readonly regionCode: string;
  readonly address: string;
  /** 经营范围 / 业务范围. */
  readonly businessScope: string;
  /** 注册资本 (出资额 for cooperatives) in 万元; null for 个体工商户, institutions, projects, facilities. */
  readonly registeredCapital: number | null;
  /** 成立日期 (start date for projects), YYYY-MM-DD. */
  readonly establishedOn: string;
  readonly status: ObjectStatus;
  /** 法定代表人 / 经营者 / 负责人. */
  readonly legalRepresentative: string;
  readonly licences: readonly Licence[];
  readonly riskClass: RiskClass;
  /** Oldest first; the last entry is the current class. */
  readonly riskClassHistory: readonly RiskClassChange[];
}

export type InspectorStatus = '在岗' | '休假' | '调离';

export interface InspectorCertificate {
  readonly name: string;
  readonly number: string;
  readonly expiresOn: string;
}

/** One entry of the inspector register 执法检查人员名录库. */
export interface Inspector {
  readonly id: string;
  readonly name: string;
  /** A code of plan/departments.ts DEPARTMENTS. */
  readonly departmentCode: string;
  readonly regionCode: string;
  /** 行政执法证 number. */
  readonly certificateNo: string;
  readonly certificateExpiresOn: string;
  /** A second, field-specific certificate where the department issues one. */
  readonly secondCertificate: InspectorCertificate | null;
  readonly specialties: readonly string[];
  readonly status: InspectorStatus;
  /** 管辖片区: the town or street the inspector routinely supervises (a recusal reason, DOMAIN.md §3). */
  readonly beat: string | null;
  /** Declared conflicts of interest (回避): object ids. */
  readonly conflicts: readonly string[];
}
