import { describe, expect, it } from 'vitest';
import { classifyPlanHeader, PLAN_COLUMN_ORDER, PLAN_COLUMN_TITLES } from './plan-columns.ts';
import { readRegionHeading } from './read-plan-grid.ts';

describe('classifyPlanHeader', () => {
  it('reads the notice headers as their own kinds', () => {
    for (const kind of PLAN_COLUMN_ORDER) expect(classifyPlanHeader(PLAN_COLUMN_TITLES[kind])).toBe(kind);
    expect(classifyPlanHeader('地市')).toBe('region');
  });

  it('reads other wordings and stacked header rows', () => {
    expect(classifyPlanHeader('抽查任务 名称')).toBe('name');
    expect(classifyPlanHeader('抽查任务事项')).toBe('matters');
    expect(classifyPlanHeader('抽查任务对象范围')).toBe('scope');
    expect(classifyPlanHeader('部门发起')).toBe('initiator');
    expect(classifyPlanHeader('部门配合')).toBe('cooperator');
    expect(classifyPlanHeader('牵头部门')).toBe('initiator');
    expect(classifyPlanHeader('抽查频次')).toBe('ratio');
    expect(classifyPlanHeader('抽查检查模式')).toBe('mode');
    expect(classifyPlanHeader('智慧监管（信用风险）分类要求')).toBe('risk');
    expect(classifyPlanHeader('起止时间')).toBe('window');
    expect(classifyPlanHeader('备注')).toBe('other');
    expect(classifyPlanHeader('  ')).toBe('other');
  });
});

describe('readRegionHeading', () => {
  it('reads region headings with and without a declared count', () => {
    expect(readRegionHeading('晋城市本级 (58)')).toEqual({ label: '晋城市本级', count: 58 });
    expect(readRegionHeading('泽 州（48）')).toEqual({ label: '泽州县', count: 48 });
    expect(readRegionHeading('城区')).toEqual({ label: '城区', count: null });
    expect(readRegionHeading('太原市小店区 (12)')).toEqual({ label: '太原市小店区', count: 12 });
    expect(readRegionHeading('注：各县（市、区）参照执行。')).toBeNull();
    expect(readRegionHeading('市市场监管局')).toBeNull();
  });
});
