/**
 * Registration authority codes (登记管理部门代码, USCC character 1) and the organisation-type codes
 * (机构类别代码, character 2) each authority may use: GB 32100-2015 Appendix A, as amended
 * (A 中央军委改革和编制办公室 and N 农业 were added after the first edition).
 */
export type RegistrationAuthority = {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** type code → type name */
  readonly types: Readonly<Record<string, string>>;
};

export const REGISTRATION_AUTHORITIES: readonly RegistrationAuthority[] = [
  {
    code: '1',
    name: '机构编制',
    nameEn: 'institutional staffing',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  { code: '2', name: '外交', nameEn: 'foreign affairs', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  {
    code: '3',
    name: '司法行政',
    nameEn: 'justice administration',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  { code: '4', name: '文化', nameEn: 'culture', types: { '1': '外国在华文化中心', '9': '其他' } },
  {
    code: '5',
    name: '民政',
    nameEn: 'civil affairs',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  {
    code: '6',
    name: '旅游',
    nameEn: 'tourism',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  {
    code: '7',
    name: '宗教',
    nameEn: 'religious affairs',
    types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' },
  },
  { code: '8', name: '工会', nameEn: 'trade unions', types: { '1': '基层工会', '9': '其他' } },
  {
    code: '9',
    name: '工商',
    nameEn: 'market regulation (industry and commerce)',
    types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' },
  },
  {
    code: 'A',
    name: '中央军委改革和编制办公室',
    nameEn: 'CMC reform and staffing office',
    types: { '1': '军队事业单位', '9': '其他' },
  },
  {
    code: 'N',
    name: '农业',
    nameEn: 'agriculture',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  { code: 'Y', name: '其他', nameEn: 'other', types: { '1': '其他' } },
];

/** Looks up a registration authority by its code (USCC character 1). */
export function findRegistrationAuthority(code: string): RegistrationAuthority | undefined {
  return REGISTRATION_AUTHORITIES.find((a) => a.code === code);
}
