import { describe, expect, it } from 'vitest';
import { cloneRecord, createSampleDraw } from './draw-fixtures.ts';
import { parseDrawRecord, parseStrataFile } from './parse-draw-record.ts';

describe('parseDrawRecord', () => {
  const { record, strata } = createSampleDraw({ frameSize: 20, stratified: true });

  it('reads what buildDrawRecord writes, through JSON', () => {
    expect(parseDrawRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, value: record });
    expect(parseStrataFile(JSON.parse(JSON.stringify(strata)))).toEqual({ ok: true, value: strata });
  });

  it('ignores unknown keys', () => {
    const extra = { ...cloneRecord(record), publishedAt: '2023-03-02' };
    expect(parseDrawRecord(extra).ok).toBe(true);
  });

  it('names the path of a value of the wrong type', () => {
    const cases: [(r: Record<string, unknown>) => void, string][] = [
      [(r) => (r.format = 'ssj-draw-record-v2'), 'format'],
      [(r) => ((r.task as Record<string, unknown>).batch = '1'), 'task.batch'],
      [(r) => ((r.targets as Record<string, unknown>[])[1] = { id: 'x' }), 'targets[1].ticket'],
      [(r) => ((r.frame as Record<string, unknown>).ids = ['a', 3]), 'frame.ids[1]'],
      [(r) => ((r.seed as Record<string, unknown>).beacon = 5), 'seed.beacon'],
      [(r) => (r.inspectors = { slots: [], workloadCap: 1.5, teams: [] }), 'inspectors.workloadCap'],
      [(r) => delete r.supersedes, 'supersedes'],
    ];
    for (const [edit, path] of cases) {
      const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      edit(copy);
      const result = parseDrawRecord(copy);
      expect(result.ok ? null : result.error.path, path).toBe(path);
    }
    expect(parseDrawRecord([]).ok).toBe(false);
    expect(parseStrataFile({ salt: 's', assignments: [{ id: 'a' }] }).ok).toBe(false);
  });
});
