import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_TILT_STRATA, verifyDrawRecord, type BatchAllocation } from '@ssj/core';
import type { ObjectRiskDto, RiskModelsDto, RiskReportDto } from '../../api-types.ts';
import { SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { linkDemoInspector } from '../../demo/link-demo-inspector.ts';
import { buildApp } from '../../http/build-app.ts';
import { prepareDatabase, VERSION } from '../../start-server.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { logInAs, type LoggedIn } from '../../testing/test-app.ts';
import { selectRiskFeatures } from './risk-features.ts';
import { loadDrawRecord, loadStrataFile } from '../draws/draw-queries.ts';
import { buildRiskReport } from './risk-reports.ts';
import { listRiskModels } from './risk-store.ts';
import { trainRiskModelFromDatabase } from './risk-training.ts';
import { simulateYearWithRiskTilt, type RiskTiltSimulationSummary } from './simulate-risk-tilt.ts';

const ACTOR = { userId: null, role: 'simulation', departmentId: null, requestId: null };
const VERIFY_PY = path.resolve(import.meta.dirname, '../../../../../tools/verify.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

/**
 * The risk model on the platform's own results (issue #9), on one simulated 2023 (3,000 demo objects) shared by every
 * test of this file: the first half played, the model trained on it, model tilting switched on for every other task,
 * the second half played (`ssj demo --simulate-year 2023 --risk-tilt`).
 */
describe('risk model from the database (a simulated year, tilted second half)', () => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let simulation: RiskTiltSimulationSummary;
  const now = { date: new Date('2024-01-03T02:00:00Z') };

  beforeAll(async () => {
    h = await createTestDatabase();
    await prepareDatabase(h, { demo: true, demoObjects: 3000 });
    simulation = await simulateYearWithRiskTilt(h.db, { year: 2023, actor: ACTOR });
    await linkDemoInspector(h.db);
    app = await buildApp(
      {
        db: h.db,
        databaseKind: h.kind,
        logger: pino({ level: 'silent' }),
        version: VERSION,
        now: () => now.date,
        secureCookies: false,
        loginRateLimit: { max: 1000, windowMs: 60_000 },
      },
      { webDistDir: null },
    );
  }, 600_000);
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  async function get(who: LoggedIn | null, url: string): Promise<{ status: number; body: ObjectRiskDto }> {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: who === null ? {} : { cookie: who.cookie },
    });
    return { status: res.statusCode, body: res.json<ObjectRiskDto>() };
  }

  it('reads features as of a day: nothing recorded on or after it', async () => {
    const visited = await h.db
      .selectFrom('inspections')
      .select(['object_id', 'published_on'])
      .where('status', '=', 'published')
      .orderBy('published_on')
      .limit(1)
      .executeTakeFirstOrThrow();
    const on = visited.published_on ?? '';
    const [before, after] = await selectRiskFeatures(h.db, [
      { objectId: visited.object_id, asOf: on },
      { objectId: visited.object_id, asOf: '2023-12-31' },
    ]);
    expect(before?.priorInspections).toBe(0);
    expect(after?.priorInspections).toBeGreaterThanOrEqual(1);
    expect(after?.complaints12m).toBeNull();
  });

  it('refuses to train without results of both outcomes, and stores nothing', async () => {
    const refused = await trainRiskModelFromDatabase(h.db, SYSTEM_ACTOR, { asOf: '2023-01-01' });
    expect(refused.ok).toBe(false);
    expect(await h.db.selectFrom('risk_models').select('version').execute()).toEqual([{ version: 1 }]);
  });

  it('trains on demand with the last quarter of a single year held out, and says so', async () => {
    const office = await logInAs(app, 'office', DEMO_PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/risk/models',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken },
      payload: { asOf: '2023-07-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { models, driftWarning } = res.json<RiskModelsDto>();
    expect(models.map((m) => m.version)).toEqual([2, 1]);
    const [model] = models;
    // The same data as the simulation's model v1: the same model, the same evaluation, no drift.
    expect(model?.evaluation.auc).toBe(simulation.model.evaluation.auc);
    expect(model?.evaluation.previous).toEqual({ version: 1, auc: simulation.model.evaluation.auc });
    expect(model?.evaluation.drift).toBe(false);
    expect(model?.window.holdout).toBe('last-quarter');
    expect(model?.window.note).toContain('最后 25%');
    expect((model?.window.testFrom ?? '') >= (model?.window.trainTo ?? '')).toBe(true);
    expect(model?.evaluation.calibration).toHaveLength(10);
    expect(model?.evaluation.auc).toBeGreaterThan(0.55);
    expect(model?.evaluation.classOnlyAuc).not.toBeNull();
    expect(driftWarning).toBeNull();
    process.stdout.write(
      `risk model: ${String(model?.window.trainRows)} rows trained, ${String(model?.window.testRows)} held out; ` +
        `AUC ${model?.evaluation.auc.toFixed(3) ?? ''} (official class alone ${model?.evaluation.classOnlyAuc?.toFixed(3) ?? ''}), ` +
        `lift@10% ${model?.evaluation.liftTopDecile.toFixed(2) ?? ''}; held-out by band ${JSON.stringify(model?.evaluation.bands)}\n`,
    );
  });

  it('compares a new version with the previous one and warns of drift when its AUC drops by more than 0.05', async () => {
    const trained = await trainRiskModelFromDatabase(h.db, SYSTEM_ACTOR, { asOf: '2024-01-01' });
    if (!trained.ok) throw new Error(JSON.stringify(trained.error));
    const { evaluation } = trained.value;
    expect(trained.value.version).toBe(3);
    expect(evaluation.previous?.version).toBe(2);
    const drop = (evaluation.previous?.auc ?? 0) - evaluation.auc;
    expect(evaluation.drift).toBe(drop > 0.05);
    const listed = await listRiskModels(h.db);
    expect(listed.models.map((m) => m.version)).toEqual([3, 2, 1]);
    expect(listed.driftWarning === null).toBe(!evaluation.drift);
    if (evaluation.drift) expect(listed.driftWarning).toContain('下降超过 0.05');
  });

  it('separates detection rates by model band: high band above low band (done-when)', async () => {
    const report: RiskReportDto = await buildRiskReport(h.db, 2023);
    const rate = (band: string) => report.byBand.find((b) => b.key === band)?.rate ?? Number.NaN;
    expect(report.byBand.every((b) => b.inspections > 0)).toBe(true);
    expect(rate('高')).toBeGreaterThan(rate('低'));
    expect(report.byClass.length).toBeGreaterThan(1);
    process.stdout.write(`detection by band: ${JSON.stringify(report.byBand)}\n`);
  });

  it('shows an inspector on the visit the band and three reasons; others are refused', async () => {
    const inspector = await logInAs(app, 'inspector', DEMO_PASSWORD);
    const user = await h.db
      .selectFrom('users')
      .select('inspector_id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    const visit = await h.db
      .selectFrom('inspection_members as m')
      .innerJoin('inspections as i', 'i.id', 'm.inspection_id')
      .select(['i.object_id', 'i.canonical_id'])
      .where('m.inspector_id', '=', user.inspector_id ?? -1)
      .executeTakeFirstOrThrow();
    const mine = await get(inspector, `/api/objects/${visit.canonical_id}/risk`);
    expect(mine.status).toBe(200);
    expect(['低', '中', '高']).toContain(mine.body.band);
    expect(mine.body.reasons).toHaveLength(3);
    for (const r of mine.body.reasons) expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    expect(mine.body.model?.version).toBe(3);
    const other = await h.db
      .selectFrom('objects as o')
      .select('o.id')
      .where('o.region_code', '=', '140525')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('inspections as i')
              .innerJoin('inspection_members as m', 'm.inspection_id', 'i.id')
              .select('i.id')
              .whereRef('i.object_id', '=', 'o.id')
              .where('m.inspector_id', '=', user.inspector_id ?? -1),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    expect((await get(inspector, `/api/objects/${String(other.id)}/risk`)).status).toBe(403);
    expect((await get(null, `/api/objects/${String(visit.object_id)}/risk`)).status).toBe(401);
    const office = await logInAs(app, 'office', DEMO_PASSWORD);
    const seen = await get(office, `/api/objects/${String(other.id)}/risk`);
    expect(seen.status).toBe(200);
    expect(seen.body.reasons).toHaveLength(3);
  });

  it('freezes tilted frames with a uniform control stratum, the model version, and records that verify', async () => {
    expect(simulation.tiltedTasks).toBeGreaterThan(0);
    const frames = await h.db
      .selectFrom('draw_frames as f')
      .innerJoin('draws as d', 'd.frame_id', 'f.id')
      .innerJoin('draw_sealed_strata as s', 's.frame_id', 'f.id')
      .innerJoin('tasks as t', 't.id', 'f.task_id')
      .select([
        'd.id as draw_id',
        'f.allocation',
        'f.risk_control_share',
        's.labels',
        't.seq',
        'f.risk_model_id',
      ])
      .execute();
    const tilted = frames.filter((f) => f.risk_model_id !== null);
    expect(tilted.length).toBeGreaterThan(0);
    // Only tasks the office switched on (odd plan numbers) were tilted.
    expect(tilted.every((f) => f.seq % 2 === 1)).toBe(true);
    for (const f of tilted) {
      expect(f.risk_control_share).toBe(0.1);
      expect(Object.values(f.labels)).toContain(RISK_TILT_STRATA.control);
      const allocation = f.allocation as BatchAllocation;
      const control = allocation.strata.find((x) => x.name === RISK_TILT_STRATA.control);
      // Every tilted draw keeps a uniform control sample (a batch of fewer than two targets is never tilted).
      expect(allocation.total).toBeGreaterThanOrEqual(2);
      expect(control?.count ?? 0).toBeGreaterThan(0);
    }
    const sample = tilted.find((f) => (f.allocation as BatchAllocation).total >= 5) ?? tilted[0];
    if (sample === undefined) return;
    const record = await loadDrawRecord(h.db, sample.draw_id);
    const strata = await loadStrataFile(h.db, sample.draw_id);
    if (record === null || strata === null) throw new Error('a tilted draw has a record and a strata file');
    expect(record.task.ratio).toMatch(/按风险模型 v1 分层倾斜抽取，含 10% 随机对照组$/);
    // The public record names opaque strata only; the control stratum is one of them.
    expect(record.frame.strata.every((x) => /^S\d+$/.test(x.name))).toBe(true);
    expect(record.frame.strata.length).toBe(Object.keys(sample.labels).length);
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(verifyDrawRecord(record, strata).ok).toBe(true);
    if (hasPython) {
      const dir = mkdtempSync(path.join(tmpdir(), 'ssj-risk-verify-'));
      try {
        writeFileSync(path.join(dir, 'record.json'), JSON.stringify(record));
        writeFileSync(path.join(dir, 'strata.json'), JSON.stringify(strata));
        const py = spawnSync('python3', [
          VERIFY_PY,
          path.join(dir, 'record.json'),
          '--strata',
          path.join(dir, 'strata.json'),
        ]);
        expect(py.status, String(py.stdout) + String(py.stderr)).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('reports tilted draws against their control sample (done-when) and measures the second half', async () => {
    const report = await buildRiskReport(h.db, 2023);
    expect(report.tilt).not.toBeNull();
    if (report.tilt === null) return;
    expect(report.tilt.draws).toBeGreaterThan(0);
    expect(report.tilt.overall.all.inspections).toBeGreaterThan(0);
    expect(report.tilt.overall.control.label).toBe('对照组（随机）');
    expect(report.tilt.byTask.length).toBeGreaterThan(0);
    expect(report.tilt.overall.uniformEstimate).not.toBeNull();
    expect(report.tilt.overall.all.inspections).toBe(
      report.tilt.overall.tilted.inspections + report.tilt.overall.control.inspections,
    );
    expect(report.tilt.bySector.length).toBeGreaterThan(0);
    const d = simulation.secondHalfDetection;
    expect(d.modelTilted.inspections).toBe(d.modelStrata.inspections + d.control.inspections);
    process.stdout.write(
      `second half: model-tilted tasks ${JSON.stringify(d.modelTilted)}, their model strata ${JSON.stringify(d.modelStrata)}, ` +
        `control ${JSON.stringify(d.control)}, uniform tasks ${JSON.stringify(d.uniform)}, ` +
        `official-class tasks ${JSON.stringify(d.officialClass)}; tilted draws ${JSON.stringify(report.tilt.overall.all)} ` +
        `against ${String(report.tilt.overall.uniformEstimate)} estimated for uniform draws\n`,
    );
  });
});
