/**
 * The columns each register of 一单两库 (DOMAIN.md §2) can be imported from, with the header texts real exports
 * use for them: Chinese names, and the pinyin-initial codes of market-supervision database exports (TYXYDM 统一信用代码,
 * ZCH 注册号, FDDBR 法定代表人 …, as in the 2021 county market-entity export).
 */

/** Which register a file fills: 检查对象名录库, 执法检查人员名录库 or 随机抽查事项清单. */
export type RegisterKind = 'objects' | 'inspectors' | 'items';

export interface FieldSpec {
  /** Stable key, used by mapping overrides (`--map uscc=TYXYDM`). */
  readonly key: string;
  /** The Chinese name shown to a clerk. */
  readonly label: string;
  /** Header texts that name this field, compared after {@link normaliseHeaderText}; the first is the canonical one. */
  readonly aliases: readonly string[];
  /** A file without this column cannot be imported. */
  readonly required: boolean;
}

export const OBJECT_FIELDS: readonly FieldSpec[] = [
  { key: 'uscc', label: '统一社会信用代码', required: false,
    aliases: ['统一社会信用代码', 'TYXYDM', '信用代码', '社会信用代码', '统一代码', 'USCC', 'UNISCID', 'TYSHXYDM', 'XYDM'] },
  { key: 'regNo', label: '注册号', required: false, aliases: ['注册号', 'ZCH', 'REGNO', '工商注册号', '营业执照注册号', 'ZCHM'] },
  { key: 'name', label: '名称', required: true,
    aliases: ['企业名称', '名称', 'QYMC', 'ZTMC', '主体名称', '市场主体名称', '单位名称', '字号名称', '对象名称', 'ENTNAME', 'MC'] },
  { key: 'type', label: '类型', required: false,
    aliases: ['企业类型', '类型', '企业类型名称', '主体类型', '市场主体类型', 'QYLX_XL', 'QYLX', 'QYLXMC', 'ZTLX', 'ENTTYPE', '对象类型'] },
  { key: 'status', label: '登记状态', required: false,
    aliases: ['登记状态', '状态', 'ZT', 'DJZT', '经营状态', '企业状态', 'REGSTATE'] },
  { key: 'legalRepresentative', label: '法定代表人', required: false,
    aliases: ['法定代表人', '负责人', '经营者', 'FDDBR', '法人代表', '投资人', '执行事务合伙人', 'NAME', 'FR'] },
  { key: 'address', label: '住所', required: false,
    aliases: ['住所', '地址', '经营场所', '经营地址', 'ZS', 'JYCS', 'DZ', '住所（经营场所）', '住所(经营场所)', '注册地址', 'DOM'] },
  { key: 'businessScope', label: '经营范围', required: false, aliases: ['经营范围', 'JYFW', '业务范围', 'OPSCOPE'] },
  { key: 'registeredCapital', label: '注册资本（万元）', required: false,
    aliases: ['注册资本', 'ZCZB', '总注册资本', '注册资金', '出资额', '注册资本(万元)', '注册资本（万元）', 'REGCAP'] },
  { key: 'establishedOn', label: '成立日期', required: false,
    aliases: ['成立日期', 'CLRQ', '创建日期', '注册日期', '登记日期', '开业日期', 'ESTDATE', 'CJRQ'] },
  { key: 'authority', label: '登记机关', required: false, aliases: ['登记机关', 'DJJG', 'REGORG'] },
  { key: 'region', label: '所属区域', required: false,
    aliases: ['所属区域', 'XZQH', '行政区划', '区域', '辖区', '所属辖区', '县区', '所在地区', '区划'] },
  { key: 'industry', label: '行业', required: false, aliases: ['行业', 'HY', '行业门类', '所属行业', '对象类别', '监管类别', 'HYMC'] },
  { key: 'riskClass', label: '信用风险分类', required: false,
    aliases: ['信用风险分类', '风险分类', '信用风险等级', '风险等级', 'FXFL', 'XYFXFL'] },
]; // prettier-ignore

export const INSPECTOR_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: '姓名', required: true, aliases: ['姓名', '执法人员姓名', '人员姓名', '检查人员', 'XM'] },
  { key: 'department', label: '部门', required: true,
    aliases: ['部门', '单位', '所属部门', '所在单位', '工作单位', '执法部门', '部门名称', '单位名称', 'BM', 'DW'] },
  { key: 'certificateNo', label: '执法证号', required: true,
    aliases: ['执法证号', '执法证件号', '执法证编号', '行政执法证号', '证件号码', '执法证件号码', 'ZFZH'] },
  { key: 'certificateExpiresOn', label: '有效期', required: true,
    aliases: ['有效期', '有效期至', '证件有效期', '执法证有效期', '有效截止日期', '到期日期', 'YXQ'] },
  { key: 'region', label: '地区', required: false, aliases: ['地区', '区域', '所属区域', '县区', '辖区', 'XZQH'] },
  { key: 'specialties', label: '专业', required: false, aliases: ['专业', '专业领域', '执法领域', '擅长领域', 'ZY'] },
  { key: 'status', label: '状态', required: false, aliases: ['状态', '在岗状态', '人员状态', 'ZT'] },
  { key: 'beat', label: '片区', required: false, aliases: ['片区', '管辖片区', '负责片区', '网格', 'PQ'] },
  { key: 'code', label: '人员编号', required: false, aliases: ['人员编号', '编号', '工号', 'RYBH'] },
]; // prettier-ignore

export const ITEM_FIELDS: readonly FieldSpec[] = [
  { key: 'department', label: '部门', required: false,
    aliases: ['部门', '编制单位名称', '编制单位', '责任部门', '部门名称', '实施部门', '单位'] },
  { key: 'sequence', label: '序号', required: false, aliases: ['序号'] },
  { key: 'category', label: '抽查类别', required: false, aliases: ['抽查类别', '抽查项目', '类别', '事项类别名称'] },
  { key: 'matter', label: '抽查事项', required: true, aliases: ['抽查事项', '检查事项', '事项名称', '抽查内容', '检查内容'] },
  { key: 'object', label: '检查对象', required: false, aliases: ['检查对象', '抽查对象', '对象', '抽查对象范围'] },
  { key: 'itemType', label: '事项类别', required: false, aliases: ['事项类别', '事项类型', '检查类别', '类型'] },
  { key: 'method', label: '检查方式', required: false, aliases: ['检查方式', '抽查方式', '方式'] },
  { key: 'inspectingBody', label: '检查主体', required: false, aliases: ['检查主体', '实施主体', '执法主体'] },
  { key: 'legalBasis', label: '检查依据', required: false, aliases: ['检查依据', '抽查依据', '依据', '法律依据'] },
  { key: 'field', label: '抽查领域', required: false, aliases: ['抽查领域', '领域'] },
  { key: 'initiator', label: '发起部门', required: false, aliases: ['发起部门', '牵头部门'] },
  { key: 'cooperators', label: '配合部门', required: false, aliases: ['配合部门', '参与部门', '协同部门'] },
]; // prettier-ignore

/**
 * The credit-risk class history of objects (信用风险分类, DOMAIN.md §2: recomputed monthly by market supervision),
 * as a `USCC,class,date` export: one classification per row.
 */
export const RISK_HISTORY_FIELDS: readonly FieldSpec[] = [
  { key: 'uscc', label: '统一社会信用代码', required: true,
    aliases: ['统一社会信用代码', 'USCC', 'TYXYDM', '信用代码', '社会信用代码', '统一代码', 'UNISCID', 'TYSHXYDM', 'XYDM', '注册号', '主体标识'] },
  { key: 'class', label: '信用风险分类', required: true,
    aliases: ['信用风险分类', 'CLASS', '风险分类', '信用风险等级', '风险等级', '分类', '分类结果', '等级', 'RISKCLASS', 'RISK_CLASS', 'FXFL', 'XYFXFL'] },
  { key: 'date', label: '分类日期', required: true,
    aliases: ['分类日期', 'DATE', '日期', '评定日期', '分类时间', '认定日期', '评价日期', '更新日期', 'FLRQ'] },
]; // prettier-ignore

export const REGISTER_FIELDS: Readonly<Record<RegisterKind, readonly FieldSpec[]>> = {
  objects: OBJECT_FIELDS,
  inspectors: INSPECTOR_FIELDS,
  items: ITEM_FIELDS,
};

export const REGISTER_NAMES: Readonly<Record<RegisterKind, string>> = {
  objects: '检查对象名录库',
  inspectors: '执法检查人员名录库',
  items: '随机抽查事项清单',
};

/** What an import reads: a register, or the risk-class history of the object register. */
export type ImportFileKind = RegisterKind | 'risk-history';

export const IMPORT_FIELDS: Readonly<Record<ImportFileKind, readonly FieldSpec[]>> = {
  ...REGISTER_FIELDS,
  'risk-history': RISK_HISTORY_FIELDS,
};

export const IMPORT_FILE_NAMES: Readonly<Record<ImportFileKind, string>> = {
  ...REGISTER_NAMES,
  'risk-history': '信用风险分类记录',
};

/** NFKC, no whitespace or line breaks, upper-cased ASCII, no trailing asterisks or colons (`*企业名称：`). */
export function normaliseHeaderText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*＊※]+|[*＊※:：]+$/g, '')
    .toUpperCase();
}
