import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTasksDto } from '../../api-types.ts';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.ts';
import { createTestApp, logInAs, type TestApp } from '../../testing/test-app.ts';

describe('the demo plan (晋城 2023) through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes all 350 tasks with stable codes JC2023-001 … JC2023-350', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/plans/2023' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PlanTasksDto>();
    expect(body.plan).toMatchObject({ year: 2023, status: 'published', version: 1, taskCount: 350 });
    expect(body.plan.versions).toHaveLength(1);
    expect(body.plan.versions[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.tasks.map((x) => x.code)).toEqual(
      Array.from({ length: 350 }, (_, i) => `JC2023-${String(i + 1).padStart(3, '0')}`),
    );
    for (const task of body.tasks) {
      expect(task.lines.length).toBeGreaterThan(0);
      // Every printed department resolves to a canonical one (task 157 prints none: a warning at import).
      expect(task.initiatorDepartments.length, task.code).toBe(task.initiators.length);
      expect(task.cooperatorDepartments.length, task.code).toBe(task.cooperators.length);
    }
  });

  it('filters by region with the counts the notice declares', async () => {
    const expected: Record<string, number> = {
      '140500': 58,
      '140502': 34,
      '140525': 48,
      '140581': 49,
      '140522': 51,
      '140524': 46,
      '140521': 62,
      '140571': 2,
    };
    for (const [code, count] of Object.entries(expected)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/plans/2023?region=${code}` });
      expect(res.json<PlanTasksDto>().tasks, code).toHaveLength(count);
    }
  });

  it('filters by department (initiating or cooperating)', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/public/plans/2023' })).json<PlanTasksDto>();
    const first = all.tasks[0]?.initiatorDepartments[0];
    expect(first).toBeDefined();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/plans/2023?department=${String(first?.id)}`,
    });
    const tasks = res.json<PlanTasksDto>().tasks;
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const ids = [...task.initiatorDepartments, ...task.cooperatorDepartments].map((d) => d.id);
      expect(ids).toContain(first?.id);
    }
  });

  it('answers 404 for a year without a published plan', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/plans/2031' });
    expect(res.statusCode).toBe(404);
  });

  it("shows a county user its own region's tasks and refuses another county's", async () => {
    const zezhou = await logInAs(t.app, 'zezhou-scjg', DEMO_PASSWORD);
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/plans/2023',
      headers: { cookie: zezhou.cookie },
    });
    expect(own.statusCode).toBe(200);
    const tasks = own.json<PlanTasksDto>().tasks;
    expect(tasks).toHaveLength(48);
    expect(new Set(tasks.map((x) => x.regionCode))).toEqual(new Set(['140525']));
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/plans/2023?region=140522',
      headers: { cookie: zezhou.cookie },
    });
    expect(other.statusCode).toBe(403);
  });

  it('shows the office every region', async () => {
    const office = await logInAs(t.app, 'office', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/plans/2023',
      headers: { cookie: office.cookie },
    });
    expect(res.json<PlanTasksDto>().tasks).toHaveLength(350);
  });

  it('names the published plan on the portal overview', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/overview' });
    expect(res.json()).toMatchObject({ plan: { year: 2023, version: 1, taskCount: 350 } });
  });
});
