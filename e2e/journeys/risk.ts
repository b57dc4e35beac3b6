import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, findFreePort, REPO_ROOT, type Journey } from '../harness.ts';

const SSJ = path.join(REPO_ROOT, 'packages/cli/bin/ssj.js');
/** A 2023 task at 20% whose frame holds about a hundred objects of the 3,000-object register (about 20 targets). */
const TASK = 'JC2023-350';

/** Runs `ssj ARGS` to completion with the data directory; throws with its output when it fails. */
async function runSsj(args: readonly string[], dataDir: string): Promise<void> {
  const child = spawn(process.execPath, [SSJ, ...args], {
    env: { ...process.env, SSJ_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`ssj ${args.join(' ')} exited with ${String(code)}:\n${output}`);
}

/**
 * A server of its own on a simulated first half of 2023 (the shared e2e server has no results to learn from):
 * `ssj demo --objects 3000 --simulate-year 2023 --as-of 2023-06-30`, then `ssj serve` on it.
 */
async function startSimulatedServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-e2e-risk-'));
  await runSsj(['demo', '--objects', '3000', '--simulate-year', '2023', '--as-of', '2023-06-30'], dataDir);
  const port = await findFreePort();
  const child = spawn(process.execPath, [SSJ, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SSJ_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not come up in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * Issue #9 (智慧监管): the office trains the risk model on the published results; an inspector opens a visit and sees
 * the object's risk band with its three reasons; the office allows model-tilted draws for the plan, switches one task
 * on and sees the random control stratum in the task's allocation table.
 */
export const riskJourney: Journey = {
  name: 'risk model: office trains it, an inspector sees band and reasons, the office tilts a task with a control share',
  run: async ({ page, screenshot }) => {
    const server = await startSimulatedServer();
    try {
      const { baseUrl } = server;
      // (a) The office trains a model on the first half's published results and reads its evaluation.
      await logIn(page, baseUrl, 'office', '/app/risk');
      await page.getByTestId('risk-models').waitFor();
      await page.getByTestId('risk-train').click();
      await page.getByTestId('risk-evaluation').waitFor({ timeout: 60_000 });
      const evaluation = await page.getByTestId('risk-evaluation').innerText();
      expectTrue(
        evaluation.includes('AUC') && evaluation.includes('最后 25%'),
        `evaluation shown: ${evaluation}`,
      );
      await page.getByTestId('calibration-chart').locator('canvas').first().waitFor();
      await screenshot('risk-model-evaluation');

      // (b) An inspector on a visit sees the object's band and its three reasons.
      await logIn(page, baseUrl, 'inspector', '/app/inspections');
      const link = page.locator('a[href^="/app/inspections/"]').first();
      await link.waitFor({ timeout: 30_000 });
      await link.click();
      await page.getByTestId('inspection-page').waitFor();
      const card = page.getByTestId('object-risk-card');
      await card.getByTestId('object-risk-band').waitFor({ timeout: 30_000 });
      const band = await card.getByTestId('object-risk-band').getAttribute('data-band');
      expectTrue(
        band === '高' || band === '中' || band === '低',
        `a risk band is shown, got ${band ?? 'none'}`,
      );
      const reasons = await card.getByTestId('object-risk-reason').allInnerTexts();
      expectTrue(reasons.length === 3, `three reasons are shown, got ${JSON.stringify(reasons)}`);
      expectTrue(
        reasons.every((r) => /[\u4e00-\u9fff]/.test(r)),
        `the reasons are in Chinese: ${reasons.join(' / ')}`,
      );
      await screenshot('risk-inspector-band-reasons');

      // (c) The office allows model tilting for the 2023 plan, tilts one task and sees its control share.
      await logIn(page, baseUrl, 'office', '/app/risk?year=2023');
      await page.getByTestId('risk-tilt').waitFor();
      await page.getByTestId('tilt-plan-switch').click();
      await page.locator('[data-testid="tilt-plan-switch"][aria-checked="true"]').waitFor();
      await page
        .locator('[data-testid="tilt-task-search"] input, input[data-testid="tilt-task-search"]')
        .first()
        .fill(TASK);
      await page.getByTestId(`tilt-task-${TASK}`).click();
      await page.locator(`[data-testid="tilt-task-${TASK}"][aria-checked="true"]`).waitFor();
      await page.getByTestId(`allocation-${TASK}`).click();
      const table = page.getByTestId('allocation-table');
      await table.waitFor({ timeout: 60_000 });
      await page.getByTestId('allocation-control').waitFor();
      const mode = await page.getByTestId('allocation-mode').innerText();
      expectTrue(
        mode.includes('10%') && mode.includes('对照组'),
        `the allocation is tilted with a control share: ${mode}`,
      );
      const rows = await table.locator('tbody tr').allInnerTexts();
      const control = rows.find((r) => r.includes('对照组'));
      expectTrue(control !== undefined, `the allocation table has the control stratum: ${rows.join(' | ')}`);
      const drawn = Number(control.trim().split(/\s+/).pop());
      expectTrue(drawn >= 1, `the control stratum draws at least one target: ${control}`);
      await screenshot('risk-tilt-allocation');
    } finally {
      await server.stop();
    }
  },
};
