/**
 * The taxonomy of 监管对象 categories (检查对象名录库 分类), derived from every 抽查对象范围 of the 晋城 2023 joint plan
 * (seed notice, 350 tasks) plus the large market sectors a city register holds (餐饮, 食品销售, 零售 …).
 *
 * Membership:
 * - `tag`: an object belongs when it lists the code in `categoryCodes` (its main category, or one in `also`);
 * - `kind`: every object of the listed kinds belongs (企业年报 = all enterprises, 用人单位, 涉税当事人 …);
 * - `union`: an object belongs when it is in any of the listed categories (人员密集场所, 特种行业 …).
 *
 * `cityCount` is the plausible number of objects whose main category this is in a city of 2.2 M people
 * (晋城: ~200,000 market entities, ~75% 个体工商户); the demo register scales these to its size.
 * Keywords are matched on NFKC-normalised text without whitespace (full-width brackets become ASCII).
 */
import type { ObjectKind } from './register-types.ts';

export type CategoryMembership =
  { readonly by: 'tag' } | { readonly by: 'kind' } | { readonly by: 'union'; readonly of: readonly string[] };

export interface CategoryTag {
  readonly code: string;
  /** Share of this category's objects that also carry `code` (the first object of each region always does). */
  readonly share: number;
}

export interface ObjectCategory {
  /** Stable kebab-case code; never reuse or rename one. */
  readonly code: string;
  /** Chinese name. */
  readonly name: string;
  /** Field (领域) for grouping in lists. */
  readonly group: string;
  /** Kinds of object the category applies to, main kind first. */
  readonly kinds: readonly ObjectKind[];
  /** Share of each kind among the category's objects (sums to 1 for `tag` categories with a count). */
  readonly kindShares: Readonly<Partial<Record<ObjectKind, number>>>;
  /** Words that identify the category in a scope text (抽查对象范围), task name or matter. */
  readonly keywords: readonly string[];
  /** A keyword match is ignored when one of these follows it in the same clause (出版物 … 印刷单位). */
  readonly notBefore: readonly string[];
  /** Licences (许可证) an object of the category holds, the main one first; [] when none is needed. */
  readonly licences: readonly string[];
  readonly membership: CategoryMembership;
  /** Objects with this main category in a city of 2.2 M people; 0 for categories that are only tags. */
  readonly cityCount: number;
  readonly also: readonly CategoryTag[];
  /** Relative weights of the regions (GB/T 2260 codes) when they differ from the city's usual spread. */
  readonly regionWeights: Readonly<Record<string, number>> | null;
  /** Categories a task name may use for this one without contradicting the scope (建筑市场 ↔ 在建工程项目). */
  readonly related: readonly string[];
  /** 经营范围 text of generated objects. */
  readonly businessScope: string;
  /**
   * Name endings per kind for generated names: a plain ending is appended to a place + trade name
   * (晋城市 + 鑫源 + 商贸有限公司); a pattern with `{…}` is filled in ({county} {town} {village} {trade} {n}).
   */
  readonly nameEndings: Readonly<Partial<Record<ObjectKind, readonly string[]>>>;
}

interface Source {
  readonly code: string;
  readonly name: string;
  readonly group: string;
  readonly kinds: Readonly<Partial<Record<ObjectKind, number>>>;
  readonly keywords: readonly string[];
  readonly count?: number;
  readonly licences?: readonly string[];
  readonly membership?: CategoryMembership;
  readonly also?: readonly CategoryTag[];
  readonly notBefore?: readonly string[];
  readonly regionWeights?: Readonly<Record<string, number>>;
  readonly related?: readonly string[];
  readonly scope?: string;
  readonly names?: Readonly<Partial<Record<ObjectKind, readonly string[]>>>;
}

const FOOD_LICENCE = '食品经营许可证';
const HYGIENE_LICENCE = '公共场所卫生许可证';

/** Mining regions of 晋城: coal in 泽州/高平/阳城/沁水, coalbed methane in 沁水 (and 阳城). */
const COAL_REGIONS = {
  '140500': 4, '140502': 1, '140525': 25, '140581': 25, '140522': 20, '140524': 8, '140521': 16, '140571': 1,
}; // prettier-ignore
const CBM_REGIONS = {
  '140500': 3, '140502': 1, '140525': 6, '140581': 4, '140522': 18, '140524': 2, '140521': 65, '140571': 1,
}; // prettier-ignore

const SOURCES: readonly Source[] = [
  // ——— 商贸与生活服务 (the bulk of the register) ———
  {
    code: 'general-retail', name: '零售业（日用百货、服装、五金、建材等）', group: '商贸流通',
    kinds: { individual: 0.93, enterprise: 0.07 }, count: 60000, keywords: ['批发零售', '日用百货'],
    also: [{ code: 'prepaid-card', share: 0.003 }],
    scope: '日用百货、服装鞋帽、五金交电、建材零售',
    names: {
      individual: ['百货店', '日杂店', '五金店', '服装店', '建材店', '家电门市', '手机店', '鞋店', '文具店', '花店', '眼镜店', '母婴店', '床上用品店', '灯具店'],
      enterprise: ['商贸有限公司', '百货有限公司', '建材有限公司', '家电销售有限公司'],
    },
  },
  {
    code: 'wholesale', name: '批发业', group: '商贸流通',
    kinds: { enterprise: 0.55, individual: 0.45 }, count: 7000, keywords: ['批发零售', '批发业'],
    also: [{ code: 'tax-case', share: 0.02 }],
    scope: '日用百货、五金、建材、农副产品批发',
    names: { enterprise: ['贸易有限公司', '商贸有限公司', '物资有限公司', '供销有限公司'], individual: ['批发部', '经销部', '商行'] },
  },
  {
    code: 'food-sales', name: '食品销售（便利店、超市、食杂店）', group: '食品药品',
    kinds: { individual: 0.93, enterprise: 0.07 }, count: 28000, keywords: ['食品销售', '食品经营', '食杂店', '便利店'],
    licences: [FOOD_LICENCE], also: [{ code: 'tobacco-retail', share: 0.14 }, { code: 'measuring-instrument-user', share: 0.3 }],
    scope: '食品销售；日用百货销售',
    names: {
      individual: ['便利店', '超市', '食杂店', '副食店', '粮油店', '烟酒副食店', '水果店', '蔬菜店', '调味品店', '熟食店'],
      enterprise: ['超市有限公司', '食品有限公司', '连锁超市有限公司', '副食品有限公司'],
    },
  },
  {
    code: 'catering', name: '餐饮服务', group: '食品药品',
    kinds: { individual: 0.9, enterprise: 0.1 }, count: 16000, keywords: ['餐饮'],
    licences: [FOOD_LICENCE], also: [{ code: 'prepaid-card', share: 0.01 }],
    scope: '餐饮服务',
    names: {
      individual: ['饭店', '面馆', '小吃店', '快餐店', '烧烤店', '火锅店', '饺子馆', '烩面馆', '餐馆', '早餐店', '砂锅店', '刀削面馆'],
      enterprise: ['餐饮管理有限公司', '餐饮有限公司', '酒店管理有限公司', '饮食服务有限公司'],
    },
  },
  {
    code: 'food-production', name: '食品生产（含食品小作坊）', group: '食品药品',
    kinds: { enterprise: 0.55, individual: 0.45 }, count: 900, keywords: ['食品生产'],
    licences: ['食品生产许可证'], also: [{ code: 'special-equipment-user', share: 0.3 }],
    scope: '食品生产；食品销售',
    names: { enterprise: ['食品有限公司', '酿造有限公司', '面业有限公司', '饮品有限公司'], individual: ['食品加工坊', '豆腐坊', '醋坊', '糕点坊', '油坊'] },
  },
  {
    code: 'resident-services', name: '居民服务（美容美发、洗浴、洗染、家政）', group: '生活服务',
    kinds: { individual: 0.95, enterprise: 0.05 }, count: 16000, keywords: ['居民服务', '美容美发', '理发'],
    also: [{ code: 'prepaid-card', share: 0.02 }],
    scope: '理发服务；美容服务；洗浴服务；洗染服务；家政服务',
    names: {
      individual: ['理发店', '美发店', '美容院', '洗衣店', '家政服务部', '足疗店', '摄影部', '修鞋店', '开锁店'],
      enterprise: ['家政服务有限公司', '美容美发有限公司', '洗浴有限公司'],
    },
  },
  {
    code: 'business-services', name: '租赁和商务服务（咨询、设计、会展、劳务）', group: '商务服务',
    kinds: { enterprise: 0.72, individual: 0.28 }, count: 8000, keywords: ['商务服务'],
    also: [{ code: 'tax-case', share: 0.008 }],
    scope: '企业管理咨询；会议及展览服务；信息咨询服务',
    names: { enterprise: ['企业管理咨询有限公司', '信息咨询有限公司', '文化传媒有限公司', '会展服务有限公司', '设备租赁有限公司'], individual: ['图文设计部', '信息服务部', '打字复印部'] },
  },
  {
    code: 'it-services', name: '信息技术服务', group: '商务服务',
    kinds: { enterprise: 0.85, individual: 0.15 }, count: 2500, keywords: ['信息技术服务', '软件'],
    scope: '软件开发；信息系统集成服务；计算机软硬件销售',
    names: { enterprise: ['网络科技有限公司', '信息技术有限公司', '软件有限公司', '电子科技有限公司'], individual: ['电脑服务部', '网络服务部'] },
  },
  {
    code: 'manufacturing', name: '工业企业（制造业）', group: '工业',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 6000, keywords: ['工业企业', '工业', '制造业'],
    also: [
      { code: 'special-equipment-user', share: 0.3 }, { code: 'pollutant-discharger', share: 0.1 },
      { code: 'solid-waste', share: 0.05 }, { code: 'measuring-instrument-user', share: 0.2 },
      { code: 'tax-case', share: 0.015 },
    ],
    scope: '机械设备制造；金属制品加工；建筑材料生产',
    names: { enterprise: ['机械制造有限公司', '铸造有限公司', '建材有限公司', '新材料有限公司', '机电设备有限公司', '陶瓷有限公司', '耐火材料有限公司'], individual: ['加工厂', '五金加工部', '铁艺加工部', '砖厂'] },
  },
  {
    code: 'agriculture', name: '农林牧渔业（种植、养殖）', group: '农业农村',
    kinds: { individual: 0.45, cooperative: 0.4, enterprise: 0.15 }, count: 12000, keywords: ['农林牧渔', '种植', '养殖'],
    notBefore: ['场'],
    scope: '农作物种植；牲畜饲养；农产品初加工',
    names: {
      cooperative: ['{county}{village}种植专业合作社', '{county}{trade}养殖专业合作社', '{county}{village}农机专业合作社', '{county}{trade}中药材专业合作社', '{county}{village}果蔬专业合作社'],
      individual: ['养殖场', '种植园', '家庭农场', '养猪场', '养鸡场'],
      enterprise: ['农业开发有限公司', '农牧有限公司', '生态农业有限公司'],
    },
  },
  {
    code: 'road-freight', name: '道路货物运输经营者', group: '交通运输',
    kinds: { individual: 0.85, enterprise: 0.15 }, count: 8000, keywords: ['道路货物运输经营者', '普通货运'],
    licences: ['道路运输经营许可证'],
    scope: '道路货物运输（不含危险货物）',
    names: { individual: ['货运部', '运输队', '货运信息部'], enterprise: ['物流有限公司', '运输有限公司', '货运有限公司'] },
  },
  {
    code: 'street-shop', name: '沿街门店（门前三包）', group: '城市管理',
    kinds: { individual: 1 }, keywords: ['门店', '沿街商户'], membership: { by: 'kind' },
  },
  {
    code: 'tobacco-retail', name: '卷烟零售户（烟草专卖零售）', group: '烟草专卖',
    kinds: { individual: 0.93, enterprise: 0.07 }, count: 2800,
    keywords: ['卷烟零售', '烟草零售', '烟草专卖许可证', '烟草专卖零售'],
    licences: ['烟草专卖零售许可证'], scope: '卷烟零售；雪茄烟零售；食品销售',
    names: { individual: ['烟酒店', '烟酒商行', '烟酒副食店', '便民店'], enterprise: ['烟酒有限公司', '商贸有限公司'] },
  },
  {
    code: 'e-cigarette', name: '电子烟零售', group: '烟草专卖',
    kinds: { individual: 0.7, enterprise: 0.3 }, count: 70, keywords: ['电子烟'],
    licences: ['烟草专卖零售许可证'], scope: '电子烟零售',
    names: { individual: ['电子烟店', '电子烟体验店'], enterprise: ['电子科技有限公司', '商贸有限公司'] },
  },
  {
    code: 'pharmacy', name: '药品零售企业', group: '食品药品',
    kinds: { enterprise: 0.6, individual: 0.4 }, count: 1500, keywords: ['药品零售', '零售药店', '药店'],
    licences: ['药品经营许可证'], also: [{ code: 'designated-medical', share: 0.6 }],
    scope: '药品零售；医疗器械经营；保健食品销售',
    names: { enterprise: ['大药房有限公司', '医药连锁有限公司', '药业有限公司'], individual: ['大药房', '药店', '医药超市'] },
  },
  {
    code: 'mall', name: '商场（超市）', group: '公共场所',
    kinds: { enterprise: 0.8, individual: 0.2 }, count: 420, keywords: ['商场', '超市', '商超'],
    licences: [HYGIENE_LICENCE, FOOD_LICENCE],
    also: [{ code: 'special-equipment-user', share: 0.8 }, { code: 'prepaid-card', share: 0.2 }, { code: 'measuring-instrument-user', share: 0.5 }],
    scope: '日用百货销售；食品销售；柜台出租',
    names: { enterprise: ['购物广场有限公司', '百货大楼有限公司', '商业管理有限公司', '超市连锁有限公司'], individual: ['购物中心', '生活超市'] },
  },
  {
    code: 'advertising', name: '广告经营者（含户外广告）', group: '商务服务',
    kinds: { enterprise: 0.6, individual: 0.4 }, count: 700, keywords: ['广告'],
    scope: '广告设计、制作、代理、发布',
    names: { enterprise: ['广告有限公司', '文化传媒有限公司', '广告传媒有限公司'], individual: ['广告部', '广告制作部', '喷绘部'] },
  },
  {
    code: 'auction', name: '拍卖企业', group: '商贸流通',
    kinds: { enterprise: 1 }, count: 12, keywords: ['拍卖'], licences: ['拍卖经营批准证书'],
    scope: '拍卖业务', names: { enterprise: ['拍卖有限公司', '拍卖行有限公司'] },
  },
  {
    code: 'prepaid-card', name: '单用途商业预付卡发卡企业', group: '商贸流通',
    kinds: { enterprise: 0.8, individual: 0.2 }, count: 150, keywords: ['预付卡'],
    scope: '单用途商业预付卡发行；健身服务；教育咨询',
    names: { enterprise: ['健身有限公司', '体育文化有限公司', '教育咨询有限公司'], individual: ['健身馆', '游泳健身中心'] },
  },
  {
    code: 'car-dealer', name: '汽车销售企业（新车销售）', group: '商贸流通',
    kinds: { enterprise: 0.85, individual: 0.15 }, count: 220, keywords: ['汽车销售', '新车销售'],
    scope: '汽车新车销售；汽车零配件销售',
    names: { enterprise: ['汽车销售服务有限公司', '汽车贸易有限公司', '汽车有限公司'], individual: ['汽车销售部', '电动车行'] },
  },
  {
    code: 'used-car', name: '二手车交易市场及经营主体', group: '商贸流通',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 160, keywords: ['二手车'],
    scope: '二手车经销；二手车交易市场经营',
    names: { enterprise: ['二手车交易市场有限公司', '二手车经纪有限公司', '二手车经销有限公司'], individual: ['二手车行', '二手车经纪部'] },
  },
  {
    code: 'vehicle-scrapping', name: '报废机动车回收拆解企业', group: '商贸流通',
    kinds: { enterprise: 1 }, count: 7, keywords: ['报废机动车', '报废汽车'], licences: ['报废机动车回收拆解资质认定书'],
    scope: '报废机动车回收拆解', names: { enterprise: ['报废汽车回收拆解有限公司', '再生资源回收有限公司'] },
  },
  {
    code: 'foreign-invested', name: '外商投资企业', group: '商贸流通',
    kinds: { enterprise: 1 }, count: 70, keywords: ['外商投资', '外国投资者', '外资'],
    scope: '外商投资企业：技术开发、生产销售', names: { enterprise: ['(晋城)有限公司', '实业有限公司', '能源有限公司'] },
  },
  {
    code: 'import-export', name: '进出口商品生产经营企业', group: '商贸流通',
    kinds: { enterprise: 1 }, count: 180, keywords: ['进出口', '海关', '出口'],
    scope: '货物进出口；技术进出口', names: { enterprise: ['进出口有限公司', '国际贸易有限公司', '实业有限公司'] },
  },
  {
    code: 'refined-oil', name: '加油站（成品油零售）', group: '商贸流通',
    kinds: { enterprise: 1 }, count: 360, keywords: ['加油站', '成品油'], licences: ['成品油零售经营批准证书', '危险化学品经营许可证'],
    also: [{ code: 'measuring-instrument-user', share: 1 }, { code: 'special-equipment-user', share: 0.3 }],
    scope: '成品油零售；润滑油销售；便利店经营',
    names: { enterprise: ['{city}{trade}加油站有限公司', '{city}{trade}石油销售有限公司{town}加油站', '{city}{trade}能源有限公司{town}加油站'] },
  },
  {
    code: 'fireworks', name: '烟花爆竹经营（批发、零售）', group: '安全生产',
    kinds: { individual: 0.8, enterprise: 0.2 }, count: 420, keywords: ['烟花爆竹'], licences: ['烟花爆竹经营许可证'],
    scope: '烟花爆竹零售', names: { individual: ['烟花爆竹零售点', '烟花爆竹门市'], enterprise: ['烟花爆竹有限公司', '烟花爆竹批发有限公司'] },
  },
  {
    code: 'special-equipment-user', name: '特种设备使用单位', group: '质量安全',
    kinds: { enterprise: 1 }, count: 300, keywords: ['特种设备'], licences: ['特种设备使用登记证'],
    scope: '锅炉、压力容器、电梯、起重机械的使用管理', names: { enterprise: ['热力有限公司', '供热有限公司', '起重吊装有限公司'] },
  },
  {
    code: 'measuring-instrument-user', name: '强制检定计量器具使用单位', group: '质量安全',
    kinds: { enterprise: 0.7, individual: 0.3 }, keywords: ['计量器具', '计量单位'],
  },

  // ——— 文化、旅游、出版 ———
  {
    code: 'printing', name: '印刷企业（出版物、包装装潢、其他印刷品）', group: '文化旅游',
    kinds: { enterprise: 0.8, individual: 0.2 }, count: 130, keywords: ['印刷'], licences: ['印刷经营许可证'],
    scope: '包装装潢印刷品印刷；其他印刷品印刷',
    names: { enterprise: ['印刷有限公司', '彩印有限公司', '包装印刷有限公司'], individual: ['印刷厂', '图文印刷部'] },
  },
  {
    code: 'publication-distributor', name: '出版物发行单位（批发、零售）', group: '文化旅游',
    kinds: { individual: 0.6, enterprise: 0.4 }, count: 280, keywords: ['出版物'], notBefore: ['印刷'],
    licences: ['出版物经营许可证'], scope: '图书、报刊零售',
    names: { individual: ['书店', '书社', '书报亭', '文化用品店'], enterprise: ['图书有限公司', '书城有限公司', '文化传播有限公司'] },
  },
  {
    code: 'internet-cafe', name: '互联网上网服务营业场所（网吧）', group: '文化旅游',
    kinds: { enterprise: 0.5, individual: 0.5 }, count: 250, keywords: ['互联网上网服务', '网吧', '网咖'],
    licences: ['网络文化经营许可证'], scope: '互联网上网服务',
    names: { enterprise: ['网络科技有限公司', '网咖有限公司'], individual: ['网吧', '网咖', '网络会所'] },
  },
  {
    code: 'internet-culture', name: '经营性互联网文化单位', group: '文化旅游',
    kinds: { enterprise: 1 }, count: 40, keywords: ['互联网文化'], licences: ['网络文化经营许可证'],
    scope: '互联网文化经营；网络直播服务', names: { enterprise: ['网络文化有限公司', '文化传媒有限公司', '数字科技有限公司'] },
  },
  {
    code: 'entertainment-venue', name: '娱乐场所（歌舞、游艺）', group: '文化旅游',
    kinds: { enterprise: 0.5, individual: 0.5 }, count: 380,
    keywords: ['娱乐场所', '歌舞娱乐', '游艺', '舞厅', '音乐厅', '练歌', 'KTV', '录像厅', '演艺厅'],
    licences: ['娱乐经营许可证', HYGIENE_LICENCE], scope: '歌舞娱乐；游艺娱乐',
    names: { enterprise: ['娱乐有限公司', '文化娱乐有限公司', 'KTV有限公司'], individual: ['KTV', '练歌厅', '歌舞厅', '游艺厅', '量贩式KTV'] },
  },
  {
    code: 'cinema', name: '影剧院（电影院）', group: '文化旅游',
    kinds: { enterprise: 1 }, count: 28, keywords: ['影剧院', '电影院', '影院'], licences: ['电影放映经营许可证', HYGIENE_LICENCE],
    scope: '电影放映', names: { enterprise: ['影城有限公司', '电影院有限公司', '影视文化有限公司'] },
  },
  {
    code: 'performance', name: '营业性演出经营单位', group: '文化旅游',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 70, keywords: ['营业性演出', '演出经纪', '演出'],
    licences: ['营业性演出许可证'], scope: '营业性演出；演出经纪',
    names: { enterprise: ['文化演艺有限公司', '演出经纪有限公司', '艺术团有限公司'], individual: ['演艺社', '戏曲剧团'] },
  },
  {
    code: 'travel-agency', name: '旅行社', group: '文化旅游',
    kinds: { enterprise: 1 }, count: 32, keywords: ['旅行社'], licences: ['旅行社业务经营许可证'],
    scope: '旅游业务；入境旅游业务', names: { enterprise: ['旅行社有限公司', '国际旅行社有限公司', '旅行社有限责任公司'] },
  },
  {
    code: 'art-dealer', name: '艺术品经营单位', group: '文化旅游',
    kinds: { enterprise: 0.6, individual: 0.4 }, count: 45, keywords: ['艺术品', '艺术经营'],
    scope: '艺术品销售；工艺美术品销售', names: { enterprise: ['艺术品有限公司', '文化艺术有限公司'], individual: ['画廊', '字画店', '艺术品店'] },
  },
  {
    code: 'scenic-spot', name: 'A级旅游景区', group: '文化旅游',
    kinds: { enterprise: 0.6, institution: 0.4 }, count: 38, keywords: ['景区'],
    scope: '旅游景区管理服务',
    names: { enterprise: ['旅游开发有限公司', '景区管理有限公司'], institution: ['{county}{trade}景区管理中心', '{county}{trade}文物保护中心'] },
  },
  {
    code: 'museum', name: '文博场所（博物馆、纪念馆）', group: '文化旅游',
    kinds: { institution: 1 }, count: 20, keywords: ['文博', '博物馆', '纪念馆'],
    scope: '文物收藏、展览、研究', names: { institution: ['{county}博物馆', '{county}{trade}纪念馆', '{county}文物展览馆'] },
  },
  {
    code: 'public-entertainment', name: '公共娱乐场所', group: '消防安全', kinds: { enterprise: 0.5, individual: 0.5 },
    keywords: ['公共娱乐场所', '文化娱乐场所'],
    membership: { by: 'union', of: ['entertainment-venue', 'cinema', 'internet-cafe', 'performance'] },
  },

  // ——— 卫生健康、体育、民政 ———
  {
    code: 'hotel', name: '旅馆（宾馆、酒店、住宿）', group: '公共场所',
    kinds: { individual: 0.6, enterprise: 0.4 }, count: 1300, keywords: ['旅馆', '宾馆', '酒店', '住宿'],
    licences: ['特种行业许可证', HYGIENE_LICENCE], also: [{ code: 'special-equipment-user', share: 0.4 }],
    scope: '住宿服务；餐饮服务',
    names: { individual: ['宾馆', '旅馆', '快捷宾馆', '招待所', '商务宾馆', '客栈'], enterprise: ['酒店管理有限公司', '大酒店有限公司', '宾馆有限公司'] },
  },
  {
    code: 'swimming', name: '游泳场（馆）', group: '公共场所',
    kinds: { enterprise: 0.7, institution: 0.3 }, count: 45, keywords: ['游泳'],
    licences: ['高危险性体育项目经营许可证', HYGIENE_LICENCE], scope: '游泳场馆服务',
    names: { enterprise: ['游泳健身有限公司', '体育发展有限公司'], institution: ['{county}游泳馆', '{county}全民健身中心'] },
  },
  {
    code: 'sports-venue', name: '公共体育场馆及健身气功站点', group: '公共场所',
    kinds: { institution: 0.5, 'social-organisation': 0.5 }, count: 60, keywords: ['体育场', '体育馆', '健身气功'],
    scope: '体育场馆运营；全民健身服务',
    names: { institution: ['{county}体育场', '{county}体育馆', '{county}全民健身中心'], 'social-organisation': ['{county}健身气功协会{town}站点', '{county}{trade}健身气功站'] },
  },
  {
    code: 'medical-institution', name: '医疗机构（医院、诊所、门诊部）', group: '卫生健康',
    kinds: { individual: 0.5, institution: 0.3, enterprise: 0.2 }, count: 2600, keywords: ['医疗机构', '诊所', '医院', '门诊部'],
    licences: ['医疗机构执业许可证'],
    also: [{ code: 'designated-medical', share: 0.35 }, { code: 'special-equipment-user', share: 0.1 }, { code: 'measuring-instrument-user', share: 0.5 }],
    scope: '医疗服务',
    names: {
      individual: ['诊所', '中医诊所', '口腔诊所', '西医诊所', '卫生所'],
      institution: ['{county}人民医院', '{county}中医医院', '{county}妇幼保健院', '{county}{town}卫生所'],
      enterprise: ['医院有限公司', '口腔医院有限公司', '医疗管理有限公司'],
    },
  },
  {
    code: 'primary-health-centre', name: '乡镇卫生院、社区卫生服务中心', group: '卫生健康',
    kinds: { institution: 1 }, count: 110, keywords: ['卫生院', '社区卫生服务'], licences: ['医疗机构执业许可证'],
    also: [{ code: 'designated-medical', share: 1 }],
    scope: '基本医疗和基本公共卫生服务', names: { institution: ['{county}{town}卫生院', '{county}{town}社区卫生服务中心'] },
  },
  {
    code: 'designated-medical', name: '医保定点医药机构', group: '卫生健康',
    kinds: { institution: 0.4, individual: 0.3, enterprise: 0.3 },
    keywords: ['医保定点', '医疗保障定点', '定点医疗机构(诊所)', '定点医疗机构', '定点零售药店'],
  },
  {
    code: 'elderly-care', name: '养老机构', group: '民政',
    kinds: { 'social-organisation': 0.5, institution: 0.3, enterprise: 0.2 }, count: 130, keywords: ['养老'],
    licences: [], scope: '养老服务',
    names: { 'social-organisation': ['{county}{trade}养老院', '{county}{trade}老年公寓'], institution: ['{county}{town}敬老院', '{county}社会福利院'], enterprise: ['养老服务有限公司', '康养有限公司'] },
  },
  {
    code: 'funeral', name: '殡葬服务机构', group: '民政',
    kinds: { institution: 0.6, enterprise: 0.4 }, count: 8, keywords: ['殡葬', '殡仪', '公墓'],
    scope: '殡仪服务；公墓管理',
    names: { institution: ['{county}殡仪馆', '{county}殡葬服务中心'], enterprise: ['殡葬服务有限公司', '陵园有限公司'] },
  },
  {
    code: 'social-group', name: '社会团体', group: '民政',
    kinds: { 'social-organisation': 1 }, count: 900, keywords: ['社会团体', '协会', '商会'], licences: ['社会团体法人登记证书'],
    scope: '行业交流、培训、咨询服务',
    names: { 'social-organisation': ['{county}{field}协会', '{county}{field}商会', '{county}{field}促进会', '{county}{field}研究会', '{county}{field}联合会'] },
  },
  {
    code: 'private-non-enterprise', name: '民办非企业单位', group: '民政',
    kinds: { 'social-organisation': 1 }, count: 700, keywords: ['民办非企业'], licences: ['民办非企业单位登记证书'],
    scope: '社会服务', names: { 'social-organisation': ['{county}{trade}社会工作服务中心', '{county}{trade}康复中心', '{county}{trade}文化服务中心', '{county}{trade}调解中心'] },
  },

  // ——— 教育 ———
  {
    code: 'school', name: '中小学校', group: '教育',
    kinds: { institution: 1 }, count: 600, keywords: ['中小学', '学校', '校园', '中学', '小学', '普通高中', '普通初中'],
    notBefore: ['校外', '培训'],
    also: [{ code: 'school-canteen', share: 0.8 }, { code: 'special-equipment-user', share: 0.15 }],
    scope: '义务教育；普通高中教育',
    names: { institution: ['{county}{town}中心学校', '{county}第{n}中学', '{county}{town}{village}小学', '{county}{town}中学', '{county}实验小学', '{county}第{n}小学', '{county}{trade}学校'] },
  },
  {
    code: 'kindergarten', name: '幼儿园', group: '教育',
    kinds: { 'social-organisation': 0.6, institution: 0.4 }, count: 520, keywords: ['幼儿园'],
    also: [{ code: 'school-canteen', share: 0.7 }],
    scope: '学前教育',
    names: { 'social-organisation': ['{county}{trade}幼儿园', '{county}{trade}双语幼儿园'], institution: ['{county}第{n}幼儿园', '{county}{town}中心幼儿园'] },
  },
  {
    code: 'private-school', name: '民办学校（民办中小学、高中、职业高中、幼儿园）', group: '教育',
    kinds: { 'social-organisation': 0.7, enterprise: 0.3 }, count: 90,
    keywords: ['民办学校', '民办幼儿园', '民办中小学', '民办普通高中', '民办职业高中', '民办普通', '民办职业', '民办的普通中小学', '民办的幼儿园'],
    licences: ['办学许可证'], also: [{ code: 'school-canteen', share: 0.8 }],
    scope: '民办学历教育；民办学前教育',
    names: { 'social-organisation': ['{county}{trade}学校', '{county}{trade}中学', '{county}{trade}幼儿园', '{county}{trade}职业高级中学'], enterprise: ['教育科技有限公司', '幼儿园有限公司'] },
  },
  {
    code: 'school-canteen', name: '学校食堂', group: '教育', kinds: { institution: 0.8, 'social-organisation': 0.2 },
    keywords: ['学校食堂', '食堂'], licences: [FOOD_LICENCE],
  },
  {
    code: 'off-campus-training', name: '校外培训机构', group: '教育',
    kinds: { 'social-organisation': 0.6, enterprise: 0.4 }, count: 320, keywords: ['校外培训', '校外教育培训', '培训机构'],
    licences: ['办学许可证'], also: [{ code: 'prepaid-card', share: 0.2 }],
    scope: '文化艺术培训；体育培训；学科类培训（经审批）',
    names: { 'social-organisation': ['{county}{trade}培训学校', '{county}{trade}艺术培训学校'], enterprise: ['教育科技有限公司', '文化培训有限公司', '体育培训有限公司'] },
  },

  // ——— 公安 ———
  {
    code: 'security-service', name: '保安服务公司、保安培训单位', group: '公安',
    kinds: { enterprise: 1 }, count: 40, keywords: ['保安'], licences: ['保安服务许可证'],
    scope: '门卫、巡逻、守护、押运保安服务', names: { enterprise: ['保安服务有限公司', '保安服务有限责任公司', '安保服务有限公司'] },
  },
  {
    code: 'blasting', name: '爆破作业单位', group: '公安',
    kinds: { enterprise: 1 }, count: 30, keywords: ['爆破'], licences: ['爆破作业单位许可证'],
    scope: '爆破作业；民用爆炸物品储存', names: { enterprise: ['爆破工程有限公司', '爆破服务有限公司'] },
  },
  {
    code: 'seal-engraving', name: '公章刻制业', group: '公安',
    kinds: { individual: 0.5, enterprise: 0.5 }, count: 28, keywords: ['公章刻制', '刻章', '印章刻制'], licences: ['特种行业许可证'],
    scope: '印章刻制', names: { individual: ['刻章部', '印章刻制部'], enterprise: ['印章有限公司', '刻字有限公司'] },
  },
  {
    code: 'special-trade', name: '特种行业（旅馆业、公章刻制业）', group: '公安', kinds: { enterprise: 0.5, individual: 0.5 },
    keywords: ['特种行业'], membership: { by: 'union', of: ['hotel', 'seal-engraving'] },
  },
  {
    code: 'precursor-chemical', name: '易制毒化学品使用单位', group: '公安',
    kinds: { enterprise: 1 }, count: 70, keywords: ['易制毒'], licences: ['易制毒化学品购买许可证'],
    scope: '化工原料使用；化学试剂使用', names: { enterprise: ['化工有限公司', '新材料有限公司', '精细化工有限公司'] },
  },

  // ——— 生态环境 ———
  {
    code: 'env-monitoring', name: '生态环境监测机构', group: '生态环境',
    kinds: { enterprise: 1 }, count: 18, keywords: ['环境监测', '生态环境监测'], licences: ['检验检测机构资质认定证书'],
    scope: '环境监测；检验检测服务', names: { enterprise: ['环境检测有限公司', '环保科技有限公司', '检测技术有限公司'] },
  },
  {
    code: 'sewage-plant', name: '城镇污水处理厂', group: '生态环境',
    kinds: { enterprise: 0.6, institution: 0.4 }, count: 22, keywords: ['污水处理'], licences: ['排污许可证'],
    scope: '城镇污水处理', names: { enterprise: ['污水处理有限公司', '水务有限公司'], institution: ['{county}污水处理厂', '{county}{town}污水处理站'] },
  },
  {
    code: 'vehicle-emission-testing', name: '机动车排放检验机构', group: '生态环境',
    kinds: { enterprise: 1 }, count: 28, keywords: ['排放检验', '排放检测'], licences: ['检验检测机构资质认定证书'],
    scope: '机动车检验检测服务', names: { enterprise: ['机动车检测有限公司', '机动车检测站有限公司'] },
  },
  {
    code: 'pollutant-discharger', name: '排污单位（含入河排污口）', group: '生态环境',
    kinds: { enterprise: 1 }, count: 600, keywords: ['排污'], licences: ['排污许可证'],
    scope: '生产经营（有污染物排放）', names: { enterprise: ['化工有限公司', '建材有限公司', '焦化有限公司', '热电有限公司'] },
  },
  {
    code: 'solid-waste', name: '涉固体废物企业', group: '生态环境',
    kinds: { enterprise: 1 }, count: 120, keywords: ['固废', '固体废物'],
    scope: '一般工业固体废物贮存、利用', names: { enterprise: ['固废处置有限公司', '再生资源有限公司', '建材有限公司'] },
  },
  {
    code: 'hazardous-waste', name: '涉危险废物企业', group: '生态环境',
    kinds: { enterprise: 1 }, count: 90, keywords: ['危废', '危险废物'], licences: ['危险废物经营许可证'],
    scope: '危险废物收集、贮存、利用', names: { enterprise: ['环保科技有限公司', '危废处置有限公司'] },
  },

  // ——— 交通运输 ———
  {
    code: 'dangerous-goods-transport', name: '道路危险货物运输企业', group: '交通运输',
    kinds: { enterprise: 1 }, count: 65, keywords: ['危险货物', '危险运输', '危货'], licences: ['道路运输经营许可证'],
    scope: '道路危险货物运输', names: { enterprise: ['危险货物运输有限公司', '物流有限公司', '运输有限公司'] },
  },
  {
    code: 'ride-hailing', name: '网络预约出租汽车经营企业', group: '交通运输',
    kinds: { enterprise: 1 }, count: 9, keywords: ['网络预约出租汽车', '网约车'], licences: ['网络预约出租汽车经营许可证'],
    scope: '网络预约出租汽车经营服务', names: { enterprise: ['出行科技有限公司', '汽车服务有限公司'] },
  },
  {
    code: 'driving-school', name: '机动车驾驶员培训企业', group: '交通运输',
    kinds: { enterprise: 1 }, count: 45, keywords: ['驾驶员培训', '驾培', '驾校'],
    scope: '机动车驾驶员培训', names: { enterprise: ['驾驶员培训有限公司', '驾校有限公司'] },
  },
  {
    code: 'vehicle-repair', name: '机动车维修经营者', group: '交通运输',
    kinds: { individual: 0.7, enterprise: 0.3 }, count: 1800, keywords: ['机动车维修', '汽车维修', '维修企业'],
    also: [{ code: 'hazardous-waste', share: 0.1 }],
    scope: '机动车维修；汽车零配件销售',
    names: { individual: ['汽车修理部', '汽修厂', '轮胎店', '汽车美容店', '摩托车修理部'], enterprise: ['汽车维修有限公司', '汽车服务有限公司'] },
  },
  {
    code: 'vehicle-standard-agency', name: '道路运输车辆达标管理相关机构（综合性能检测）', group: '交通运输',
    kinds: { enterprise: 1 }, count: 22, keywords: ['车辆达标', '综合性能检测'], licences: ['检验检测机构资质认定证书'],
    scope: '道路运输车辆综合性能检测', names: { enterprise: ['机动车综合性能检测有限公司', '汽车检测有限公司'] },
  },
  {
    code: 'passenger-transport', name: '道路客运企业', group: '交通运输',
    kinds: { enterprise: 1 }, count: 30, keywords: ['客运'], licences: ['道路运输经营许可证'],
    scope: '道路旅客运输', names: { enterprise: ['客运有限公司', '公共交通有限公司', '旅游客运有限公司'] },
  },
  {
    code: 'freight-source', name: '道路货物运输源头企业', group: '交通运输',
    kinds: { enterprise: 1 }, count: 110, keywords: ['货物运输源头', '货运源头'],
    scope: '货物装载、物流园区经营', names: { enterprise: ['物流园有限公司', '煤炭集运有限公司', '储运有限公司'] },
  },
  {
    code: 'logistics-express', name: '物流寄递企业（快递）', group: '交通运输',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 280, keywords: ['物流', '寄递', '快递'], licences: ['快递业务经营许可证'],
    scope: '快递服务；普通货物仓储', names: { enterprise: ['快递有限公司', '速递有限公司', '物流有限公司'], individual: ['快递代办点', '驿站'] },
  },

  // ——— 住房和城乡建设 ———
  {
    code: 'construction-project', name: '在建工程项目', group: '住房城乡建设',
    kinds: { project: 1 }, count: 1300, related: ['construction-enterprise'], keywords: ['在建工程', '工程项目', '建设工程', '建设项目'],
    scope: '房屋建筑和市政基础设施工程',
    names: { project: ['{county}{trade}小区{n}号楼工程', '{county}{town}{trade}路改造工程', '{county}{trade}综合楼建设项目', '{county}{town}农贸市场建设项目', '{county}{trade}厂房建设项目', '{county}{town}供热管网改造工程'] },
  },
  {
    code: 'construction-enterprise', name: '建筑业企业（施工、监理）', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 2200, related: ['construction-project'], keywords: ['建筑施工', '建筑市场', '建筑业', '工程监理', '施工企业'],
    licences: ['建筑业企业资质证书', '安全生产许可证'], also: [{ code: 'tax-case', share: 0.03 }],
    scope: '房屋建筑工程施工；市政公用工程施工；建筑劳务分包',
    names: { enterprise: ['建筑工程有限公司', '建设工程有限公司', '建筑安装有限公司', '工程监理有限公司', '装饰工程有限公司'] },
  },
  {
    code: 'real-estate-developer', name: '房地产开发企业', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 320, keywords: ['房地产开发', '房地产', '房地产从业'], licences: ['房地产开发企业资质证书'],
    also: [{ code: 'tax-case', share: 0.05 }],
    scope: '房地产开发经营', names: { enterprise: ['房地产开发有限公司', '置业有限公司', '房地产有限公司'] },
  },
  {
    code: 'real-estate-agency', name: '房地产经纪机构', group: '住房城乡建设',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 420, keywords: ['房地产经纪', '房产中介', '房地产中介', '房地产从业'],
    scope: '房地产经纪；房屋租赁', names: { enterprise: ['房地产经纪有限公司', '房产营销策划有限公司'], individual: ['房产中介部', '房屋中介'] },
  },
  {
    code: 'property-management', name: '物业服务企业', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 380, keywords: ['物业'], also: [{ code: 'special-equipment-user', share: 0.9 }],
    scope: '物业管理', names: { enterprise: ['物业管理有限公司', '物业服务有限公司'] },
  },
  {
    code: 'gas-supplier', name: '燃气经营企业（含充装）', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 85, keywords: ['燃气'], licences: ['燃气经营许可证'],
    also: [{ code: 'special-equipment-user', share: 0.9 }],
    scope: '城镇燃气经营；液化石油气充装', names: { enterprise: ['燃气有限公司', '天然气有限公司', '液化气有限公司'] },
  },
  {
    code: 'landscaping', name: '园林绿化企业', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 160, keywords: ['园林'],
    scope: '园林绿化工程施工；苗木种植', names: { enterprise: ['园林绿化工程有限公司', '园林景观工程有限公司'] },
  },
  {
    code: 'residential-compound', name: '住宅小区', group: '住房城乡建设',
    kinds: { facility: 1 }, count: 900, keywords: ['住宅小区', '小区'],
    scope: '住宅小区', names: { facility: ['{trade}小区', '{trade}花园', '{trade}苑', '{trade}家园', '{trade}新城'] },
  },
  {
    code: 'civil-air-defence', name: '人防工程', group: '住房城乡建设',
    kinds: { facility: 1 }, count: 160, keywords: ['人防工程', '人防'],
    scope: '人民防空工程（平时使用）', names: { facility: ['{trade}小区人防工程', '{county}{trade}地下人防工程', '{county}{trade}广场地下人防工程'] },
  },
  {
    code: 'engineering-quality-testing', name: '工程质量检测机构', group: '住房城乡建设',
    kinds: { enterprise: 1 }, count: 16, keywords: ['质量检测机构', '工程质量检测'], licences: ['建设工程质量检测机构资质证书'],
    scope: '建设工程质量检测', names: { enterprise: ['工程质量检测有限公司', '建设工程检测有限公司'] },
  },

  // ——— 人社、税务、统计、财政 ———
  {
    code: 'labour-dispatch', name: '劳务派遣单位', group: '人力资源社会保障',
    kinds: { enterprise: 1 }, count: 90, related: ['job-agency'], keywords: ['劳务派遣', '涉劳务'], licences: ['劳务派遣经营许可证'],
    scope: '劳务派遣服务', names: { enterprise: ['劳务派遣有限公司', '人力资源有限公司', '劳务服务有限公司'] },
  },
  {
    code: 'job-agency', name: '职业中介、人力资源服务机构', group: '人力资源社会保障',
    kinds: { enterprise: 1 }, count: 60, related: ['labour-dispatch'], keywords: ['职业中介', '人力资源'], notBefore: ['劳务派遣'], licences: ['人力资源服务许可证'],
    scope: '职业中介活动；人力资源服务', names: { enterprise: ['人力资源服务有限公司', '职业介绍有限公司'] },
  },
  // 用人单位 as the labour inspectorate keeps them (参保单位): enterprises, institutions and social organisations;
  // most 个体工商户 are family businesses without employees and are not on that register.
  {
    code: 'employer', name: '用人单位（与劳动者建立劳动关系的企业、事业单位、社会组织）', group: '人力资源社会保障',
    kinds: { enterprise: 0.8, institution: 0.12, 'social-organisation': 0.08 },
    keywords: ['用人单位', '用工'], membership: { by: 'kind' },
  },
  {
    code: 'taxpayer', name: '涉税当事人（纳税人、扣缴义务人）', group: '税务',
    kinds: { enterprise: 0.3, individual: 0.6, cooperative: 0.05, 'social-organisation': 0.05 },
    keywords: ['税收', '涉税', '纳税人'], membership: { by: 'kind' },
  },
  // 涉嫌税收违法当事人: the tax bureau's case sources (案源), a few hundred in a city, not every taxpayer.
  {
    code: 'tax-case', name: '涉嫌税收违法当事人（税务机关案源）', group: '税务',
    kinds: { enterprise: 0.85, individual: 0.15 }, keywords: ['涉嫌税收违法', '税收违法'],
  },
  {
    code: 'annual-report', name: '企业年度报告（全部企业）', group: '市场监管',
    kinds: { enterprise: 1 }, keywords: ['年度报告', '年报'], membership: { by: 'kind' },
  },
  {
    code: 'fire-safety-unit', name: '机关、团体、企业、事业单位（消防安全）', group: '消防安全',
    kinds: { enterprise: 0.7, institution: 0.15, 'social-organisation': 0.1, cooperative: 0.05 },
    keywords: ['机关、团体', '事业单位'], membership: { by: 'kind' },
  },
  {
    code: 'crowded-place', name: '人员密集场所', group: '消防安全', kinds: { enterprise: 0.5, individual: 0.5 },
    keywords: ['人员密集场所'],
    membership: {
      by: 'union',
      of: ['mall', 'hotel', 'entertainment-venue', 'cinema', 'internet-cafe', 'swimming', 'school', 'kindergarten', 'medical-institution', 'elderly-care'],
    },
  },
  {
    code: 'fire-equipment', name: '消防产品销售及使用单位', group: '消防安全',
    kinds: { enterprise: 0.7, individual: 0.3 }, count: 55, keywords: ['消防器材', '消防产品'],
    scope: '消防器材销售；消防设施维护保养', names: { enterprise: ['消防器材有限公司', '消防工程有限公司'], individual: ['消防器材门市', '消防器材经销部'] },
  },
  {
    code: 'statistics-respondent', name: '统计调查对象（规上工业、限上批零住餐、资质建筑业、房地产开发等）', group: '统计',
    kinds: { enterprise: 1 }, keywords: ['统计调查', '调查对象', '统计资料'],
  },
  {
    code: 'bookkeeping-agency', name: '代理记账机构', group: '财政',
    kinds: { enterprise: 1 }, count: 60, keywords: ['代理记账'], licences: ['代理记账许可证书'],
    scope: '代理记账；财务咨询', names: { enterprise: ['财务咨询有限公司', '会计服务有限公司', '财税服务有限公司'] },
  },

  // ——— 农业农村 ———
  {
    code: 'crop-seed', name: '农作物种子生产经营者', group: '农业农村',
    kinds: { individual: 0.7, enterprise: 0.3 }, count: 320, keywords: ['农作物种子', '种子'],
    licences: ['农作物种子生产经营许可证'], scope: '农作物种子经营；农药零售；化肥销售',
    names: { individual: ['种子门市', '农资门市', '种子经销部'], enterprise: ['种业有限公司', '农业科技有限公司'] },
  },
  {
    code: 'pesticide', name: '农药生产经营者', group: '农业农村',
    kinds: { individual: 0.7, enterprise: 0.25, cooperative: 0.05 }, count: 420, keywords: ['农药'],
    licences: ['农药经营许可证'], scope: '农药零售（不含危险化学品）；化肥销售',
    names: { individual: ['农资门市', '农药经销部', '农资店'], enterprise: ['农资有限公司', '植保有限公司'], cooperative: ['{county}{village}农资专业合作社'] },
  },
  {
    code: 'fertiliser', name: '肥料生产经营者', group: '农业农村',
    kinds: { individual: 0.7, enterprise: 0.3 }, count: 300, keywords: ['肥料', '化肥'],
    scope: '化肥销售；有机肥料生产', names: { individual: ['化肥门市', '农资门市'], enterprise: ['肥业有限公司', '生物肥料有限公司'] },
  },
  {
    code: 'feed', name: '饲料和饲料添加剂生产经营企业', group: '农业农村',
    kinds: { enterprise: 0.6, individual: 0.4 }, count: 140, keywords: ['饲料'], licences: ['饲料生产许可证'],
    scope: '饲料生产；饲料添加剂销售', names: { enterprise: ['饲料有限公司', '饲料科技有限公司'], individual: ['饲料门市', '饲料经销部'] },
  },
  {
    code: 'veterinary-drug', name: '兽药生产经营企业、兽药使用单位', group: '农业农村',
    kinds: { individual: 0.6, enterprise: 0.4 }, count: 230, keywords: ['兽药'], licences: ['兽药经营许可证'],
    scope: '兽药经营', names: { individual: ['兽药门市', '兽药经销部', '动物诊所'], enterprise: ['兽药有限公司', '动物保健品有限公司'] },
  },
  {
    code: 'breeding-livestock', name: '种畜禽生产经营单位', group: '农业农村',
    kinds: { enterprise: 0.5, cooperative: 0.3, individual: 0.2 }, count: 85, keywords: ['种畜禽'],
    licences: ['种畜禽生产经营许可证'], scope: '种畜禽生产经营',
    names: { enterprise: ['牧业有限公司', '种猪繁育有限公司', '禽业有限公司'], cooperative: ['{county}{village}养殖专业合作社'], individual: ['种猪场', '种鸡场'] },
  },
  {
    code: 'aquatic-wildlife', name: '水生野生动物利用单位、水生动物养殖场', group: '农业农村',
    kinds: { enterprise: 0.5, cooperative: 0.5 }, count: 25, keywords: ['水生野生动物', '水生动物', '水产'],
    licences: ['水生野生动物人工繁育许可证'], scope: '水产养殖；水生野生动物驯养繁殖',
    names: { enterprise: ['水产养殖有限公司', '生态渔业有限公司'], cooperative: ['{county}{village}水产养殖专业合作社'] },
  },
  {
    code: 'slaughterhouse', name: '畜禽屠宰场', group: '农业农村',
    kinds: { enterprise: 1 }, count: 24, keywords: ['屠宰'], licences: ['生猪定点屠宰证'],
    scope: '生猪屠宰；牛羊屠宰', names: { enterprise: ['肉联厂有限公司', '屠宰有限公司', '食品有限公司'] },
  },
  {
    code: 'grain-dealer', name: '粮食收购经营者', group: '发展改革',
    kinds: { enterprise: 0.5, individual: 0.4, cooperative: 0.1 }, count: 180, related: ['grain-reserve'], keywords: ['粮食收购', '粮食经营', '粮食'],
    also: [{ code: 'measuring-instrument-user', share: 0.8 }],
    scope: '粮食收购；粮食销售', names: { enterprise: ['粮油有限公司', '粮贸有限公司'], individual: ['粮食收购点', '粮油门市'], cooperative: ['{county}{village}粮食种植专业合作社'] },
  },
  {
    code: 'grain-reserve', name: '政策性粮食储备企业', group: '发展改革',
    kinds: { enterprise: 1 }, count: 16, related: ['grain-dealer'], keywords: ['粮食储备', '储备粮', '政策性粮食'],
    scope: '政策性粮食收购、储存', names: { enterprise: ['粮食储备库有限公司', '国家粮食储备库', '粮油储备有限公司'] },
  },

  // ——— 林业、自然资源、水利 ———
  {
    code: 'forest-seed', name: '林草种子、苗木生产经营者', group: '林业',
    kinds: { individual: 0.4, enterprise: 0.4, cooperative: 0.2 }, count: 140, keywords: ['林木种子', '林草种子', '林草', '苗木', '草种'],
    licences: ['林草种子生产经营许可证'], scope: '林木种子生产经营；苗木花卉种植',
    names: { individual: ['苗圃', '苗木基地'], enterprise: ['苗木有限公司', '林业开发有限公司'], cooperative: ['{county}{village}苗木专业合作社'] },
  },
  {
    code: 'terrestrial-wildlife', name: '陆生野生动物人工繁育及经营单位', group: '林业',
    kinds: { enterprise: 0.6, cooperative: 0.2, individual: 0.2 }, count: 45, keywords: ['陆生野生动物', '野生动物', '野生动植物'],
    licences: ['陆生野生动物人工繁育许可证'], scope: '陆生野生动物人工繁育；野生动物制品经营',
    names: { enterprise: ['特种养殖有限公司', '生态养殖有限公司'], cooperative: ['{county}{village}特种养殖专业合作社'], individual: ['特种养殖场'] },
  },
  {
    code: 'surveying', name: '测绘资质单位', group: '自然资源',
    kinds: { enterprise: 1 }, count: 35, keywords: ['测绘'], licences: ['测绘资质证书'],
    scope: '测绘服务；地理信息服务', names: { enterprise: ['测绘有限公司', '勘测设计有限公司', '地理信息有限公司'] },
  },
  {
    code: 'mining-right-holder', name: '矿山企业（矿业权人）', group: '自然资源',
    kinds: { enterprise: 1 }, count: 150, keywords: ['矿业权', '矿山', '采矿', '开采企业'], licences: ['采矿许可证'],
    regionWeights: COAL_REGIONS, scope: '矿产资源开采（凭采矿许可证经营）',
    names: { enterprise: ['矿业有限公司', '石料有限公司', '铝矾土矿有限公司'] },
  },
  {
    code: 'water-user', name: '取用水单位（取水许可）', group: '水利',
    kinds: { enterprise: 1 }, count: 380, keywords: ['取水', '用水企业', '用水单位'], licences: ['取水许可证'],
    scope: '生产经营（自备水源取水）', names: { enterprise: ['水业有限公司', '纯净水有限公司', '洗煤有限公司'] },
  },
  {
    code: 'soil-conservation-project', name: '生产建设项目（水土保持方案）', group: '水利',
    kinds: { project: 1 }, count: 160, keywords: ['水土保持'],
    scope: '生产建设项目水土保持', names: { project: ['{county}{town}{trade}光伏发电项目', '{county}{trade}煤矿改扩建项目', '{county}{town}{trade}道路建设项目'] },
  },
  {
    code: 'water-project', name: '水利工程项目', group: '水利',
    kinds: { project: 1 }, count: 60, keywords: ['水利', '供水工程', '水库'],
    scope: '水利工程建设', names: { project: ['{county}{town}供水工程', '{county}{trade}水库除险加固工程', '{county}{village}河道治理工程'] },
  },

  // ——— 应急管理、能源、气象 ———
  {
    code: 'metallurgy-industrial', name: '冶金等工贸企业', group: '安全生产',
    kinds: { enterprise: 1 }, count: 320, keywords: ['冶金', '工贸', '铸造'],
    also: [{ code: 'special-equipment-user', share: 0.7 }],
    scope: '钢铁冶炼；铸造；建材生产', names: { enterprise: ['铸造有限公司', '钢铁有限公司', '冶炼有限公司', '铸业有限公司'] },
  },
  {
    code: 'non-coal-mine', name: '非煤矿山企业', group: '安全生产',
    kinds: { enterprise: 1 }, count: 70, keywords: ['非煤矿山'], licences: ['安全生产许可证', '采矿许可证'],
    also: [{ code: 'mining-right-holder', share: 1 }],
    scope: '石料开采；铁矿开采', names: { enterprise: ['石料有限公司', '矿业有限公司', '石灰岩矿有限公司'] },
  },
  {
    code: 'hazardous-chemicals', name: '危险化学品生产经营企业', group: '安全生产',
    kinds: { enterprise: 1 }, count: 260, keywords: ['危险化学品', '危化', '化工企业', '化工单位'], licences: ['危险化学品经营许可证'],
    also: [{ code: 'special-equipment-user', share: 0.8 }],
    scope: '危险化学品经营（凭许可证经营）', names: { enterprise: ['化工有限公司', '化工贸易有限公司', '气体有限公司'] },
  },
  {
    code: 'coal-mine', name: '煤矿企业', group: '能源',
    kinds: { enterprise: 1 }, count: 125, related: ['coal-washing'], keywords: ['煤矿', '涉煤', '煤炭生产', '矿区'], licences: ['采矿许可证', '安全生产许可证'],
    also: [{ code: 'mining-right-holder', share: 1 }, { code: 'special-equipment-user', share: 1 }, { code: 'freight-source', share: 0.3 }],
    regionWeights: COAL_REGIONS, scope: '煤炭开采；煤炭洗选；煤炭销售',
    names: { enterprise: ['煤业有限公司', '煤矿有限公司', '煤炭有限责任公司'] },
  },
  {
    code: 'coal-washing', name: '洗选煤企业', group: '能源',
    kinds: { enterprise: 1 }, count: 90, related: ['coal-mine'], keywords: ['洗选', '洗(选)煤', '洗煤'],
    regionWeights: COAL_REGIONS, scope: '煤炭洗选；煤炭销售', names: { enterprise: ['洗煤有限公司', '煤炭洗选有限公司', '洗选煤有限公司'] },
  },
  {
    code: 'coalbed-methane', name: '煤层气开采企业', group: '能源',
    kinds: { enterprise: 1 }, count: 30, keywords: ['煤层气', '排采'], licences: ['采矿许可证', '安全生产许可证'],
    regionWeights: CBM_REGIONS, scope: '煤层气勘查、开采', names: { enterprise: ['煤层气有限公司', '能源开发有限公司', '燃气有限公司'] },
  },
  {
    code: 'gas-gathering-station', name: '集气站、压缩站（煤层气设施）', group: '能源',
    kinds: { facility: 1 }, count: 150, keywords: ['集气站', '压缩站'],
    regionWeights: CBM_REGIONS, scope: '煤层气集输', names: { facility: ['{town}{village}集气站', '{town}{village}压缩站', '{county}{trade}集输站'] },
  },
  {
    code: 'lng-plant', name: '液化天然气（煤层气液化）企业', group: '能源',
    kinds: { enterprise: 1 }, count: 14, keywords: ['液化'], licences: ['危险化学品安全生产许可证'],
    regionWeights: CBM_REGIONS, scope: '液化天然气生产', names: { enterprise: ['液化天然气有限公司', '燃气液化有限公司'] },
  },
  {
    code: 'oil-gas-depot', name: '油库、气库', group: '能源',
    kinds: { enterprise: 1 }, count: 20, keywords: ['油库', '气库'], licences: ['危险化学品经营许可证'],
    scope: '成品油仓储；液化气储存', names: { enterprise: ['油库有限公司', '石油储运有限公司', '储气有限公司'] },
  },
  {
    code: 'power-enterprise', name: '电力企业（含自备电厂）', group: '能源',
    kinds: { enterprise: 1 }, count: 70, keywords: ['电力', '自备电厂', '发电'], licences: ['电力业务许可证'],
    also: [{ code: 'special-equipment-user', share: 1 }],
    scope: '火力发电；电力供应', names: { enterprise: ['发电有限公司', '热电有限公司', '供电有限公司'] },
  },
  {
    code: 'new-energy', name: '新能源企业（风电、光伏）', group: '能源',
    kinds: { enterprise: 1 }, count: 60, keywords: ['新能源', '光伏', '风电'],
    scope: '光伏发电；风力发电', names: { enterprise: ['新能源有限公司', '光伏发电有限公司', '风电有限公司'] },
  },
  {
    code: 'oil-gas-pipeline', name: '油气长输管道企业', group: '能源',
    kinds: { enterprise: 1 }, count: 8, keywords: ['油气长输管道', '长输管道', '管道企业'],
    scope: '油气管道运输', names: { enterprise: ['管道有限公司', '天然气管道有限公司'] },
  },
]; // prettier-ignore

function buildCategory(source: Source): ObjectCategory {
  const kinds = (Object.keys(source.kinds) as ObjectKind[]).sort(
    (a, b) => (source.kinds[b] ?? 0) - (source.kinds[a] ?? 0),
  );
  return {
    code: source.code,
    name: source.name,
    group: source.group,
    kinds,
    kindShares: source.kinds,
    keywords: source.keywords,
    notBefore: source.notBefore ?? [],
    licences: source.licences ?? [],
    membership: source.membership ?? { by: 'tag' },
    cityCount: source.count ?? 0,
    also: source.also ?? [],
    regionWeights: source.regionWeights ?? null,
    related: source.related ?? [],
    businessScope: source.scope ?? source.name,
    nameEndings: source.names ?? {},
  };
}

/** Every category, in a stable order (the demo register lays objects out in this order). */
export const OBJECT_CATEGORIES: readonly ObjectCategory[] = SOURCES.map(buildCategory);

const BY_CODE: ReadonlyMap<string, ObjectCategory> = new Map(OBJECT_CATEGORIES.map((c) => [c.code, c]));

export function findCategory(code: string): ObjectCategory | undefined {
  return BY_CODE.get(code);
}
