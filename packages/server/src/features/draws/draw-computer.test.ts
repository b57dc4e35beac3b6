import { describe, expect, it } from 'vitest';
import { combineSessionSeed, freezeFrame, parseDrawRecord, verifyDrawRecord } from '@ssj/core';
import type { FrameText, TeamContext } from './draw-computation.ts';
import { openDrawComputer } from './draw-computer.ts';
import type { FrameRequest } from './frame-computation.ts';

/** Two frames of one task (batches 1 and 2, the second sealed in two strata) and a small inspector pool. */
function buildSession(): { frames: FrameText[]; context: Omit<TeamContext, 'objectIds'>; seedValue: string } {
  const seedDigits = '31415926535897932384626433';
  const seed = combineSessionSeed(seedDigits, null);
  if (!seed.ok) throw new Error('seed');
  const ids = Array.from({ length: 120 }, (_, i) => `91140500MA${String(1000 + i)}X`).sort();
  const one = freezeFrame({
    ids,
    strata: [{ name: 'all', size: ids.length, allocation: 12 }],
    strataFile: null,
  });
  const assignments = ids.map((id, i) => ({ id, stratum: i % 3 === 0 ? 'S1' : 'S2' }));
  const strata = [
    { name: 'S1', size: 40, allocation: 5 },
    { name: 'S2', size: 80, allocation: 6 },
  ];
  const two = freezeFrame({ ids, strata, strataFile: { salt: 'ab'.repeat(16), assignments } });
  if (!one.ok || !two.ok) throw new Error('frame');
  const frame = (
    id: number,
    batch: number,
    hash: string,
    sealed: string | null,
    several: boolean,
  ): FrameText => ({
    id,
    taskId: 7,
    taskCode: 'JC2023-007',
    batch,
    frameHash: hash,
    sealedHash: sealed,
    strata: several ? strata : [{ name: 'all', size: ids.length, allocation: 12 }],
    salt: 'ab'.repeat(16),
    idsText: JSON.stringify(ids),
    excludedText: JSON.stringify({ count: 0, hash: '', ids: [] }),
    idStrataText: JSON.stringify(several ? assignments.map((a) => a.stratum) : []),
  });
  const pool = Array.from({ length: 14 }, (_, i) => ({
    id: 100 + i,
    code: `ZF${String(100 + i)}`,
    departmentId: i < 9 ? 1 : 2,
    certificateExpiresOn: i === 3 ? '2023-06-30' : '2026-12-31',
  }));
  return {
    seedValue: seed.value,
    frames: [
      frame(1, 1, one.value.hash, one.value.sealed, false),
      frame(2, 2, two.value.hash, two.value.sealed, true),
    ],
    context: {
      session: {
        id: 9,
        year: 2023,
        witnesses: ['甲', '乙'],
        frozenAt: '2023-03-01T01:00:00.000Z',
        seedAt: '2023-03-01T02:00:00.000Z',
      },
      seed: { digits: seedDigits, beacon: null, value: seed.value },
      tasks: new Map([
        [
          7,
          {
            name: '食品经营监督检查',
            ratio: '5%；2次/年',
            initiators: [1],
            cooperators: [2],
            windowEndMonth: 11,
          },
        ],
      ]),
      pool,
      names: new Map([
        ['1', '市场监督管理局'],
        ['2', '卫生健康委员会'],
      ]),
      conflicts: new Map([[3, [101]]]),
      earlier: new Map(),
      tiltNotes: new Map(),
      supersedes: new Map(),
    },
  };
}

async function runSession(where: 'worker' | 'inline'): Promise<unknown> {
  const { frames, context, seedValue } = buildSession();
  const computer = await openDrawComputer(where);
  try {
    const targets = await computer.drawTargets(seedValue, frames);
    if (!targets.ok) throw new Error(JSON.stringify(targets.error));
    const allTargets = [...new Set(targets.value.flatMap((t) => t.targetIds))];
    const objectIds = new Map(allTargets.map((id, i) => [id, i + 1]));
    // Both groups asked at once, as publishDrawSession does: the answers come back in order.
    const [first, second] = await Promise.all([
      computer.drawTeams({ ...context, objectIds }, [1]),
      computer.drawTeams(null, [2]),
    ]);
    return { targets: targets.value, first, second };
  } finally {
    computer.release();
  }
}

describe('the draw computation, in the worker and on the caller’s thread', () => {
  it('gives the same targets, teams and records both ways, and the records verify', async () => {
    const inWorker = await runSession('worker');
    const inline = await runSession('inline');
    expect(inWorker).toEqual(inline);
    const { first, second } = inline as {
      first: {
        ok: true;
        value: { storedRecord: string; members: { objectId: number; inspectorId: number }[] }[];
      };
      second: {
        ok: true;
        value: { storedRecord: string; members: { objectId: number; inspectorId: number }[] }[];
      };
    };
    expect([first.ok, second.ok]).toEqual([true, true]);
    const { frames } = buildSession();
    for (const [answer, frame] of [
      [first, frames[0]],
      [second, frames[1]],
    ] as const) {
      const drawn = answer.value[0];
      expect(drawn).toBeDefined();
      if (drawn === undefined || frame === undefined) continue;
      const stored = JSON.parse(drawn.storedRecord) as { frame: { ids: string[] } };
      const parsed = parseDrawRecord({
        ...stored,
        frame: { ...stored.frame, ids: JSON.parse(frame.idsText) as string[] },
      });
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(verifyDrawRecord(parsed.value).ok).toBe(true);
      // Teams of 2 + 1; the inspector whose certificate ends before the window closes is never drawn.
      expect(drawn.members.length).toBe(3 * (frame.batch === 1 ? 12 : 11));
      expect(drawn.members.some((m) => m.inspectorId === 103)).toBe(false);
    }
    // Batch 2 recuses batch 1's team of the same object (the session's own teams count as earlier ones).
    const teamOf = (members: { objectId: number; inspectorId: number }[]) => {
      const map = new Map<number, Set<number>>();
      for (const m of members) map.set(m.objectId, (map.get(m.objectId) ?? new Set()).add(m.inspectorId));
      return map;
    };
    const before = teamOf(first.value[0]?.members ?? []);
    for (const [objectId, team] of teamOf(second.value[0]?.members ?? [])) {
      for (const inspector of team) expect(before.get(objectId)?.has(inspector) ?? false).toBe(false);
    }
  });

  it('freezes the same frames both ways, sealed labels in the order of the ids', async () => {
    const ids = Array.from({ length: 90 }, (_, i) => `91140500MA${String(5000 - i * 7)}Y`);
    const request = (batch: number, riskBased: boolean, earlier: string[]): FrameRequest => ({
      taskCode: 'JC2023-008',
      riskBased,
      batch,
      times: 2,
      ratioPercent: 10,
      ratioBound: 'atLeast',
      minCount: null,
      // Two rules overlapping: the population is their union.
      rules: [
        { ids: ids.slice(0, 60), riskClasses: ids.slice(0, 60).map((_, i) => (i % 3 === 0 ? 'A' : 'C')) },
        { ids: ids.slice(40), riskClasses: ids.slice(40).map((_, i) => (i % 2 === 0 ? null : 'D')) },
      ],
      earlier,
      tilt: null,
      salt: 'cd'.repeat(16),
    });
    const requests = [request(1, true, []), request(2, false, ids.slice(0, 5))];
    const freeze = async (where: 'worker' | 'inline') => {
      const computer = await openDrawComputer(where);
      try {
        return await computer.freezeFrames(requests);
      } finally {
        computer.release();
      }
    };
    const inWorker = await freeze('worker');
    const inline = await freeze('inline');
    expect(inWorker).toEqual(inline);
    if (!inline.ok) throw new Error(JSON.stringify(inline.error));
    const [sealed, plain] = inline.value;
    if (sealed === undefined || plain === undefined) throw new Error('frames');
    const frameIds = JSON.parse(sealed.idsText) as string[];
    const idStrata = JSON.parse(sealed.idStrataText) as string[];
    expect(frameIds).toEqual([...ids].sort());
    expect(idStrata).toHaveLength(frameIds.length);
    const rebuilt = freezeFrame({
      ids: frameIds,
      strata: sealed.strata,
      strataFile: {
        salt: sealed.salt,
        assignments: frameIds.map((id, i) => ({ id, stratum: idStrata[i] ?? '' })),
      },
    });
    expect(rebuilt.ok && rebuilt.value.hash).toBe(sealed.frameHash);
    expect(rebuilt.ok && rebuilt.value.sealed).toBe(sealed.sealed);
    // Batch 2 leaves batch 1's targets out; one stratum, nothing sealed.
    expect(plain.frameSize).toBe(ids.length - 5);
    expect(JSON.parse(plain.idStrataText)).toEqual([]);
    expect(plain.sealed).toBeNull();
  });

  it('lets a second session use the worker only when the first has released it', async () => {
    const order: string[] = [];
    const first = await openDrawComputer('worker');
    const second = openDrawComputer('worker').then((c) => {
      order.push('second opened');
      return c;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('first released');
    first.release();
    (await second).release();
    expect(order).toEqual(['first released', 'second opened']);
  });
});
