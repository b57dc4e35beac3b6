import { describe, expect, it } from 'vitest';
import { verifyDrawRecord } from '../../../core/src/draw/index.ts';
import { createSampleDraw, isDetectable, listTamperings } from '../../../core/src/draw/draw-fixtures.ts';
import { SEALED_STRATA_NOTE, verifyRecord, verifyRecordText } from './verify-record.ts';

const single = createSampleDraw({ frameSize: 60 });
const stratified = createSampleDraw({
  frameSize: 120,
  stratified: true,
  beacon: 'drand:3141592:ab12cd',
  batch: 2,
});

describe('verifyRecord (browser, Web Crypto)', () => {
  it('verifies untouched records with the same report as the core verifier', async () => {
    for (const [record, strata] of [
      [single.record, undefined],
      [stratified.record, undefined],
      [stratified.record, stratified.strata ?? undefined],
    ] as const) {
      const web = await verifyRecord(JSON.parse(JSON.stringify(record)), strata);
      const core = verifyDrawRecord(record, strata);
      expect(web.kind).toBe('verified');
      expect(web.kind === 'verified' && web.report).toEqual(core.ok && core.value);
    }
    const open = await verifyRecord(stratified.record);
    expect(open.kind === 'verified' && open.report.notes).toContain(SEALED_STRATA_NOTE);
  });

  it('reports the same first discrepancy as the core verifier on every tampering', async () => {
    let compared = 0;
    for (const [record, strata] of [
      [single.record, undefined],
      [stratified.record, undefined],
      [stratified.record, stratified.strata ?? undefined],
    ] as const) {
      for (const t of listTamperings(record)) {
        const web = await verifyRecord(t.record, strata);
        const core = verifyDrawRecord(t.record, strata);
        expect(web.kind, t.label).toBe(core.ok ? 'verified' : 'discrepancy');
        expect(core.ok, t.label).toBe(!isDetectable(t.label, record, strata !== undefined));
        if (web.kind === 'discrepancy' && !core.ok) {
          const { message: _web, ...fromWeb } = web.discrepancy;
          const { message: _core, ...fromCore } = core.error;
          expect(fromWeb, t.label).toEqual(fromCore);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('reports progress and reads JSON text; bad JSON or shape is unreadable', async () => {
    const seen: number[] = [];
    const result = await verifyRecordText(JSON.stringify(single.record), undefined, {
      onProgress: (done) => seen.push(done),
    });
    expect(result.kind).toBe('verified');
    expect(seen.at(-1)).toBe(single.record.targets.length + 60 + 12 * 4);
    expect((await verifyRecordText('{"format":')).kind).toBe('unreadable');
    const shape = await verifyRecord({ ...single.record, frame: { ...single.record.frame, ids: [1] } });
    expect(shape).toEqual({ kind: 'unreadable', path: 'frame.ids[0]', message: 'must be a string' });
    const strata = await verifyRecordText(JSON.stringify(stratified.record), '{"salt": 1}');
    expect(strata.kind === 'unreadable' && strata.path).toBe('strata.salt');
  });
});
