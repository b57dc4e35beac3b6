import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, launchBrowser, startServerProcess, type Journey } from './harness.ts';
import { drawSessionJourney } from './journeys/draw-session.ts';
import { inspectionReviewJourney } from './journeys/inspection-review.ts';
import { loginLogoutJourney } from './journeys/login-logout.ts';
import { oversightJourney } from './journeys/oversight.ts';
import { planLifecycleJourney } from './journeys/plan-lifecycle.ts';
import { registerImportJourney } from './journeys/register-import.ts';
import { riskJourney } from './journeys/risk.ts';

/**
 * Browser journeys: a real `ssj serve` process, driven by playwright-core in Debian's Chromium.
 * Screenshots go to artifacts/ (kept by CI). Prints "N passed, N failed" and exits non-zero on a failure.
 */
const JOURNEYS: readonly Journey[] = [
  loginLogoutJourney,
  planLifecycleJourney,
  // Before the other draws: the demo inspector account is linked to the busiest inspector of its department at the
  // first dispatch, so it must be this journey's draw that puts it on a team.
  inspectionReviewJourney,
  drawSessionJourney,
  registerImportJourney,
  oversightJourney,
  riskJourney,
];

async function main(): Promise<number> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const server = await startServerProcess();
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  // SSJ_E2E_ONLY=inspector runs only the journeys whose name contains the text.
  const only = process.env['SSJ_E2E_ONLY'];
  try {
    for (const journey of JOURNEYS.filter((j) => only === undefined || j.name.includes(only))) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const slug = journey.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      const started = Date.now();
      try {
        await journey.run({
          baseUrl: server.baseUrl,
          page,
          screenshot: async (name) => {
            const file = path.join(ARTIFACTS_DIR, `${name}.png`);
            await page.screenshot({ path: file, fullPage: true });
            return file;
          },
        });
        passed++;
        process.stdout.write(`✓ ${journey.name} (${Date.now() - started} ms)\n`);
      } catch (error) {
        failed++;
        await page
          .screenshot({ path: path.join(ARTIFACTS_DIR, `FAILED-${slug}.png`), fullPage: true })
          .catch(() => undefined);
        process.stdout.write(
          `✗ ${journey.name}\n  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
