import { describe, expect, it } from 'vitest';
import { allocateTiltedBatch, RISK_TILT_STRATA } from './allocate-tilted-batch.ts';
import type { RiskBand } from './risk-band.ts';

function frame(
  size: number,
  bandOf: (i: number) => RiskBand,
  drawnBefore: (i: number) => boolean = () => false,
) {
  return Array.from({ length: size }, (_, i) => ({
    id: `91140500MA${String(i).padStart(8, '0')}`,
    band: bandOf(i),
    drawnBefore: drawnBefore(i),
  }));
}

const bandOf = (i: number): RiskBand => (i % 10 === 0 ? '高' : i % 10 < 3 ? '中' : '低');

describe('allocateTiltedBatch (issue #9: tilt by model band with a uniform control share)', () => {
  it('draws what the plan demands, a tenth of it from a uniform control stratum of a tenth of the frame', () => {
    const tilted = allocateTiltedBatch({
      members: frame(2000, bandOf),
      salt: 'a'.repeat(32),
      ratio: { percent: 5, bound: 'atLeast' },
    });
    expect(tilted.ok).toBe(true);
    if (!tilted.ok) return;
    const { allocation, stratumOf } = tilted.value;
    expect(allocation.total).toBe(100);
    expect(allocation.demanded).toBe(100);
    const control = allocation.strata.find((s) => s.name === RISK_TILT_STRATA.control);
    expect(control?.population).toBe(200);
    expect(control?.count).toBe(10);
    // The control stratum is not chosen by band: its band mix follows the frame's (10% high).
    const controlIds = [...stratumOf].filter(([, s]) => s === RISK_TILT_STRATA.control).map(([id]) => id);
    const high = controlIds.filter((id) => Number(id.slice(-8)) % 10 === 0).length;
    expect(high).toBeGreaterThan(5);
    expect(high).toBeLessThan(40);
    // Rates rise with the band.
    const rate = (name: string) => {
      const s = allocation.strata.find((x) => x.name === name);
      return (s?.count ?? 0) / (s?.population ?? 1);
    };
    expect(rate(RISK_TILT_STRATA.高)).toBeGreaterThan(rate(RISK_TILT_STRATA.中));
    expect(rate(RISK_TILT_STRATA.中)).toBeGreaterThan(rate(RISK_TILT_STRATA.低));
    expect(stratumOf.size).toBe(2000);
  });

  it('is the same for the same salt and differs for another salt', () => {
    const input = { members: frame(500, bandOf), ratio: { percent: 10, bound: 'exact' as const } };
    const a = allocateTiltedBatch({ ...input, salt: 'x'.repeat(32) });
    const b = allocateTiltedBatch({ ...input, salt: 'x'.repeat(32) });
    const c = allocateTiltedBatch({ ...input, salt: 'y'.repeat(32) });
    if (!a.ok || !b.ok || !c.ok) throw new Error('allocation failed');
    expect([...a.value.stratumOf]).toEqual([...b.value.stratumOf]);
    expect([...a.value.stratumOf]).not.toEqual([...c.value.stratumOf]);
  });

  it('never draws an earlier target and refuses a 100% task or a bad share', () => {
    const tilted = allocateTiltedBatch({
      members: frame(300, bandOf, (i) => i < 30),
      salt: 's'.repeat(32),
      ratio: { percent: 10, bound: 'exact' },
      timesPerYear: 2,
      batch: 2,
    });
    if (!tilted.ok) throw new Error('allocation failed');
    for (const s of tilted.value.allocation.strata) expect(s.count).toBeLessThanOrEqual(s.available);
    expect(tilted.value.allocation.total).toBe(30);
    expect(
      allocateTiltedBatch({ members: frame(10, bandOf), salt: 's', ratio: { percent: 100, bound: 'exact' } }),
    ).toEqual({ ok: false, error: { kind: 'takes-everyone' } });
    expect(
      allocateTiltedBatch({ members: frame(10, bandOf), salt: 's', ratio: { percent: 10, bound: 'exact' } }),
    ).toEqual({ ok: false, error: { kind: 'too-small', total: 1 } });
    expect(
      allocateTiltedBatch({
        members: frame(10, bandOf),
        salt: 's',
        controlShare: 0.9,
        ratio: { percent: 10, bound: 'exact' },
      }).ok,
    ).toBe(false);
  });
});
