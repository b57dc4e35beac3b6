import { describe, expect, it } from 'vitest';
import { suggestColumnMapping } from './suggest-column-mapping.ts';
import { validateItemRows } from './validate-item-rows.ts';

const headers = ['部门', '序号', '抽查类别', '抽查事项', '检查对象', '事项类别', '检查依据'];
const { mapping } = suggestColumnMapping(headers, 'items');
const departments = [
  {
    id: 7,
    code: '140500-amr',
    name: '晋城市市场监督管理局',
    shortName: '市市场监管局',
    aliases: [],
    regionCode: '140500',
  },
];

describe('validateItemRows', () => {
  it('carries department, 序号 and category down over blank cells and joins continuation rows', () => {
    const rows = [
      [
        '晋城市市场监督管理局',
        '1',
        '食品安全检查',
        '食品经营者检查',
        '食品经营者',
        '重点检查事项',
        '《食品安全法》第八十七条',
      ],
      ['', '', '', '', '', '', '《食品安全法实施条例》第五十条'],
      ['', '', '', '食品生产者检查', '食品生产者', '一般', '《食品安全法》第一百一十条'],
      ['', '2', '广告检查', '广告发布检查', '广告发布者', '一般检查事项', '《广告法》'],
      ['', '', '', '', '', '', ''],
    ].map((cells, i) => ({ row: i + 2, cells }));
    const { items, issues } = validateItemRows(rows, mapping, { departments, regionCode: null });
    expect(issues).toEqual([]);
    expect(
      items.map((i) => [i.row, i.department, i.departmentId, i.sequence, i.category, i.matter, i.itemType]),
    ).toEqual([
      [2, '晋城市市场监督管理局', 7, '1', '食品安全检查', '食品经营者检查', '重点'],
      [4, '晋城市市场监督管理局', 7, '1', '食品安全检查', '食品生产者检查', '一般'],
      [5, '晋城市市场监督管理局', 7, '2', '广告检查', '广告发布检查', '一般'],
    ]);
    expect(items[0]?.legalBasis).toBe('《食品安全法》第八十七条\n《食品安全法实施条例》第五十条');
  });

  it('reports a continuation with nothing to continue, an unknown type, an unknown department once', () => {
    const rows = [
      ['', '', '', '', '', '', '《某法》'],
      ['省教育厅', '1', '教育装备检查', '教学仪器检查', '中小学校', '特别', ''],
      ['', '', '', '校服检查', '中小学校', '一般', ''],
    ].map((cells, i) => ({ row: i + 2, cells }));
    const { items, issues } = validateItemRows(rows, mapping, { departments, regionCode: null });
    expect(items).toHaveLength(2);
    expect(issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [2, '抽查事项', 'error'],
      [3, '事项类别', 'warning'],
      [3, '部门', 'warning'],
    ]);
  });
});
