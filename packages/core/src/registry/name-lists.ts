/**
 * Word lists for fictitious but real-looking names and addresses in 晋城 (demo register only). Town and street
 * names are the public geography of the city; house numbers, villages, trade names and people are composed at random
 * and name no real entity.
 */

/** The distinct characters of a text (CJK characters here are single code units). */
function listDistinctChars(text: string): string[] {
  return [...new Set(Array.from(text))];
}

export interface RegionPlaces {
  readonly code: string;
  /** Prefix of enterprise names (晋城市, 泽州县 …). */
  readonly cityPrefix: string;
  /** Prefix of institution names and addresses (晋城市城区, 泽州县 …). */
  readonly countyPrefix: string;
  /** Prefix of 个体工商户 names (城区, 泽州县 …). */
  readonly shopPrefix: string;
  /** Towns, townships and sub-district offices (镇, 乡, 街道). */
  readonly towns: readonly string[];
  /** Streets of the county seat or the urban area. */
  readonly streets: readonly string[];
  /** Whether addresses are urban (street + number) rather than town + village. */
  readonly urban: boolean;
}

const URBAN_TOWNS = [
  '东街街道',
  '西街街道',
  '南街街道',
  '北街街道',
  '矿区街道',
  '钟家庄街道',
  '西上庄街道',
  '北石店镇',
];
const URBAN_STREETS = [
  '凤台东街', '凤台西街', '泽州路', '书院街', '红星东街', '红星西街', '中原东街', '中原西街', '文昌东街',
  '文昌西街', '黄华街', '建设路', '太行路', '新市东街', '新市西街', '景西路', '前进路', '青年路',
]; // prettier-ignore

export const REGION_PLACES: readonly RegionPlaces[] = [
  { code: '140500', cityPrefix: '晋城市', countyPrefix: '晋城市', shopPrefix: '晋城市', towns: URBAN_TOWNS, streets: URBAN_STREETS, urban: true },
  { code: '140502', cityPrefix: '晋城市', countyPrefix: '晋城市城区', shopPrefix: '城区', towns: URBAN_TOWNS, streets: URBAN_STREETS, urban: true },
  {
    code: '140525', cityPrefix: '泽州县', countyPrefix: '泽州县', shopPrefix: '泽州县', urban: false,
    towns: ['南村镇', '巴公镇', '高都镇', '大东沟镇', '周村镇', '犁川镇', '晋庙铺镇', '金村镇', '柳树口镇', '大阳镇', '川底镇', '下村镇', '北义城镇', '山河镇', '李寨乡'],
    streets: ['泽州大道', '府城路', '丹河路', '南村大街', '巴公大街', '大阳街'],
  },
  {
    code: '140581', cityPrefix: '高平市', countyPrefix: '高平市', shopPrefix: '高平市', urban: false,
    towns: ['东城街道', '南城街道', '北城街道', '米山镇', '三甲镇', '神农镇', '陈区镇', '北诗镇', '河西镇', '马村镇', '野川镇', '寺庄镇', '建宁乡', '石末乡', '原村乡', '永录乡'],
    streets: ['长平东街', '长平西街', '神农路', '友谊街', '团池路', '炎帝大街'],
  },
  {
    code: '140522', cityPrefix: '阳城县', countyPrefix: '阳城县', shopPrefix: '阳城县', urban: false,
    towns: ['凤城镇', '北留镇', '润城镇', '町店镇', '芹池镇', '次营镇', '横河镇', '河北镇', '蟒河镇', '东冶镇', '白桑乡', '寺头乡', '西河乡', '演礼乡', '固隆乡', '董封乡', '驾岭乡'],
    streets: ['凤城路', '阳高路', '滨河路', '西环路', '东关街', '新阳东街'],
  },
  {
    code: '140524', cityPrefix: '陵川县', countyPrefix: '陵川县', shopPrefix: '陵川县', urban: false,
    towns: ['崇文镇', '礼义镇', '附城镇', '西河底镇', '平城镇', '杨村镇', '潞城镇', '夺火乡', '马圪当乡', '古郊乡', '六泉乡', '秦家庄乡'],
    streets: ['梅园路', '崇安路', '凤凰大街', '太行大街', '棋子山路'],
  },
  {
    code: '140521', cityPrefix: '沁水县', countyPrefix: '沁水县', shopPrefix: '沁水县', urban: false,
    towns: ['龙港镇', '中村镇', '郑庄镇', '端氏镇', '嘉峰镇', '郑村镇', '柿庄镇', '樊村河乡', '土沃乡', '张村乡', '苏庄乡', '胡底乡', '固县乡', '十里乡'],
    streets: ['府前路', '杏园路', '沁河路', '东大街', '西大街', '梅杏路'],
  },
  {
    code: '140571', cityPrefix: '晋城市', countyPrefix: '晋城经济技术开发区', shopPrefix: '晋城开发区', urban: true,
    towns: ['金匠园区', '白水园区', '北石店园区', '西上庄园区'],
    streets: ['兰花路', '白水东街', '白水西街', '凤鸣路', '金辇街', '丹河快速路', '鸿春街', '开发区大街'],
  },
]; // prettier-ignore

/** Characters of 字号 (trade names): two of them make one. */
export const TRADE_CHARS: readonly string[] = listDistinctChars(
  '鑫昌盛隆泰恒源达祥瑞丰华兴宏福嘉润凯晟鼎森博远诚信合众安康正宇佳明光荣德顺和平金银宝玉龙凤天晋泽' +
    '太行沁丹汇通利新亿万千百嘉禾旺发财富贵吉庆喜乐美好优品尚雅致达通运力腾飞翔鹏程锦绣春秋冬夏东西南北' +
    '中海川山岳峰林木水火土石云霞星月日辉煌晶莹翠柏松竹梅兰菊荷桂芳香清泉溪湖江河源泓洁净朗',
);

export const SURNAMES: readonly string[] = listDistinctChars(
  '王李张郭赵刘杨史原牛靳常卫陈田焦秦宋吴孙马段贾冯范申崔董任韩梁徐程高周胡朱苗曹毕霍姬裴侯薛闫' +
    '栗成司许孟郝乔白武连杜吕石尹魏曲黄苏何郑谢',
);

export const GIVEN_CHARS: readonly string[] = listDistinctChars(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国文斌波辉鹏宇浩凯丹琳雪晶燕婷飞' +
    '志强海龙晓东俊峰亮鑫瑞佳欣怡子涵宏晨阳光荣庆丰利民永胜红爱萍彩凤振林',
);

export const VILLAGE_HEADS: readonly string[] = listDistinctChars(
  '东西南北上下前后大小王李张刘赵郭马杨陈石河沟坡岭庄峪崖寨泉窑',
);
export const VILLAGE_TAILS: readonly string[] = [
  '庄',
  '沟',
  '坡',
  '岭',
  '峪',
  '洼',
  '头',
  '河',
  '寨',
  '底',
  '堡',
  '湾',
  '掌',
  '凹',
  '圪垛',
  '岔',
];

export const CHINESE_ORDINALS: readonly string[] = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
]; // prettier-ignore

/** Fields of 社会团体 names (晋城市 + field + 协会). */
export const ASSOCIATION_FIELDS: readonly string[] = [
  '餐饮行业', '个体劳动者', '书法家', '摄影家', '老年体育', '钓鱼', '围棋', '慈善', '果业', '旅游', '建筑业', '物流',
  '电子商务', '烹饪', '中医药', '养蜂', '收藏', '太极拳', '诗词', '青年企业家',
]; // prettier-ignore
