import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, type Journey } from '../harness.ts';

/** Three 2023 tasks whose frames are non-empty on the 20,000-object demo register (21, 13 and 139 objects). */
const TASKS = ['JC2023-001', 'JC2023-096', 'JC2023-133'] as const;
const WITNESSES = ['王建国', '李秀兰', '赵志强'] as const;
/** 24 dice digits, typed in groups the way they are read out at the ceremony. */
const DICE = '3141 5926 5358 9793 2384 6264';
const DICE_DIGITS = DICE.replace(/\s/g, '');

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** The verifier's finished result with this status, optionally naming the file it checked. */
function verifyResult(page: Page, status: 'ok' | 'failed', hasText?: string) {
  const locator = page.locator(`[data-testid="verify-result"][data-status="${status}"]`);
  return hasText === undefined ? locator : locator.filter({ hasText });
}

/** Changes one digit in the middle of a ticket (`0.` + digits): still a well-formed ticket, but not the right one. */
function tamperTicket(ticket: string): string {
  const at = Math.floor(ticket.length / 2);
  const digit = ticket.charAt(at);
  return ticket.slice(0, at) + (digit === '7' ? '8' : '7') + ticket.slice(at + 1);
}

/**
 * Issue "The double-random draw that anyone can verify" (DOMAIN.md §4): the office holds a draw session for three
 * task batches, the frame hashes are public before the seed, two (here three) witnesses' dice digits are entered once
 * and for all, the draws are published; a visitor verifies one in the browser, and a record with one digit of a
 * ticket changed fails the same verifier.
 */
export const drawSessionJourney: Journey = {
  name: 'office holds a draw session → seed → publish → the public verifies; a tampered record fails',
  run: async ({ baseUrl, page, screenshot }) => {
    // (a) Pick three task batches from the published 2023 plan.
    await logIn(page, baseUrl, 'office', '/app/draws?year=2023');
    await page.getByTestId('draw-task-picker').waitFor({ timeout: 30_000 });
    const search = page
      .locator('input[data-testid="draw-task-search"], [data-testid="draw-task-search"] input')
      .first();
    for (const code of TASKS) {
      await search.fill(code);
      await page.getByTestId(`draw-task-row-${code}`).click();
    }
    await search.fill('');
    const selection = await page.getByTestId('draw-selection').innerText();
    for (const code of TASKS) {
      expectTrue(selection.includes(code), `the selection lists ${code}, got "${selection}"`);
    }
    await screenshot('draw-pick-tasks');

    // (b) Freeze: the frames and their hashes are public before any seed exists.
    await page.getByTestId('freeze-frames').click();
    await page.waitForURL(/\/app\/draws\/\d+$/, { timeout: 60_000 });
    const sessionId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('frozen-frames-table').waitFor();
    const before = await page.request.get(`${baseUrl}/api/public/draw-sessions/${sessionId}`);
    const publicSession = (await before.json()) as {
      seed: unknown;
      frames: { taskCode: string; frameHash: string; frameSize: number }[];
    };
    expectTrue(publicSession.seed === null, 'the public session has no seed yet');
    for (const code of TASKS) {
      const shown = await page.getByTestId(`frame-hash-${code}`).getAttribute('data-value');
      const published = publicSession.frames.find((frame) => frame.taskCode === code);
      expectTrue(published !== undefined && published.frameSize > 0, `${code} has a non-empty frame`);
      expectTrue(
        shown !== null && /^[0-9a-f]{64}$/.test(shown) && shown === published.frameHash,
        `the page shows ${code}'s frame hash as the portal publishes it, got ${shown ?? 'nothing'}`,
      );
    }
    await screenshot('draw-frames-frozen');

    // (c) The seed ceremony: witnesses, 24 dice digits, a confirmation that the seed is final.
    await page.getByTestId('witness-input-0').fill(WITNESSES[0]);
    await page.getByTestId('witness-input-1').fill(WITNESSES[1]);
    await page.getByTestId('add-witness').click();
    await page.getByTestId('witness-input-2').fill(WITNESSES[2]);
    await page.getByTestId('seed-digits').fill(DICE);
    const count = await page.getByTestId('seed-digit-count').innerText();
    expectTrue(count.includes('24'), `the form counts 24 digits, got "${count}"`);
    await page.getByTestId('enter-seed').click();
    await page.getByTestId('confirm-seed').waitFor();
    await screenshot('draw-seed-confirm');
    await page.getByTestId('confirm-seed').click();
    await page.getByTestId('seed-facts').waitFor({ timeout: 30_000 });
    const facts = await page.getByTestId('seed-facts').innerText();
    expectTrue(facts.includes(DICE_DIGITS), `the entered seed is shown, got "${facts}"`);

    // (d) Draw and publish.
    await page.getByTestId('publish-draws').click();
    for (const code of TASKS) {
      await page.getByTestId(`published-draw-link-${code}`).waitFor({ timeout: 60_000 });
    }
    const status = await page.getByTestId('draw-session-status').first().innerText();
    expectTrue(status.includes('已公示'), `the session is published, got "${status}"`);
    await screenshot('draw-published');

    // A visitor opens one published draw and verifies it in the browser.
    await page.getByTestId(`published-draw-link-${TASKS[0]}`).click();
    await page.waitForURL(/\/public\/draws\/\d+$/);
    const drawId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('draw-targets-table').waitFor();
    const seedShown = await page.getByTestId('public-draw-seed').getAttribute('data-value');
    expectTrue(
      seedShown === DICE_DIGITS,
      `the draw page shows the session seed, got ${seedShown ?? 'nothing'}`,
    );
    await page.getByTestId('verify-draw').click();
    await verifyResult(page, 'ok').waitFor({ timeout: 60_000 });
    const report = await page.getByTestId('verify-result').innerText();
    expectTrue(report.includes('验证通过'), `the verifier reports success, got "${report}"`);
    expectTrue(report.includes('种子产生前公布'), `the frame hash is checked against the pre-seed one`);
    await screenshot('draw-verified');

    // The downloaded record verifies as a local file too; with one ticket digit changed, it fails.
    const response = await page.request.get(`${baseUrl}/api/public/draws/${drawId}/record.json`);
    expectTrue(response.ok(), `record.json downloads, got ${response.status()}`);
    const text = await response.text();
    const fileInput = page.getByTestId('verify-local-file').locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'original-record.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await verifyResult(page, 'ok', 'original-record.json').waitFor({ timeout: 60_000 });

    const record = JSON.parse(text) as { targets: { id: string; ticket: string }[] };
    const first = record.targets[0];
    expectTrue(first !== undefined, 'the record has targets');
    first.ticket = tamperTicket(first.ticket);
    await fileInput.setInputFiles({
      name: 'tampered-record.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(record, null, 1)),
    });
    const failed = verifyResult(page, 'failed', 'tampered-record.json');
    await failed.waitFor({ timeout: 60_000 });
    const discrepancy = await failed.innerText();
    expectTrue(
      discrepancy.includes('targets[0].ticket') && discrepancy.includes(first.ticket),
      `the verifier names the tampered ticket, got "${discrepancy}"`,
    );
    await screenshot('draw-tampered-record-fails');

    // The office (like an auditor) adds the sealed strata file: the per-stratum selection is checked too.
    const strata = await page.request.get(`${baseUrl}/api/draws/${drawId}/strata.json`);
    expectTrue(strata.ok(), `the strata file downloads for the office, got ${strata.status()}`);
    await page
      .getByTestId('verify-local-strata')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'strata.json', mimeType: 'application/json', buffer: await strata.body() });
    await page.getByTestId('verify-strata-name').waitFor();
    await page.getByTestId('verify-draw').click();
    const full = verifyResult(page, 'ok', 'strata.json');
    await full.waitFor({ timeout: 60_000 });
    const fullReport = await full.innerText();
    expectTrue(
      fullReport.includes('分层文件与密封哈希一致') && fullReport.includes('正是各层签号最小者'),
      `with the strata file the selection is verified per stratum, got "${fullReport}"`,
    );

    // The portal lists the published draws; a phone shows them as cards.
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId('portal-section-tasks-link').click();
    await page.getByTestId('portal-draws-table').waitFor();
    const list = await page.getByTestId('portal-draws-table').innerText();
    for (const code of TASKS) expectTrue(list.includes(code), `the portal lists ${code}, got "${list}"`);
    await screenshot('portal-draws');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/public/draws/${drawId}`);
    await page.getByTestId('draw-targets-table').waitFor();
    await screenshot('portal-draw-phone');

    // A re-draw (DOMAIN.md §4.4): never in place. The office writes a reason; a new session freezes the batch's frame,
    // gets its own public seed and is published; the first draw stays public, marked superseded.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/app/draws/${sessionId}`);
    await page.getByTestId(`redraw-${TASKS[0]}`).click();
    await page.getByTestId('redraw-reason').fill('抽取范围遗漏了本月新登记的对象');
    await page.getByRole('button', { name: '冻结重抽范围' }).click();
    await page.waitForURL(
      (url) => /\/app\/draws\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${sessionId}`),
      {
        timeout: 60_000,
      },
    );
    await page.getByTestId('frozen-frames-table').waitFor();
    await page.getByTestId('witness-input-0').fill(WITNESSES[1]);
    await page.getByTestId('witness-input-1').fill(WITNESSES[2]);
    await page.getByTestId('seed-digits').fill('2718 2818 2845 9045 2353 6028');
    await page.getByTestId('enter-seed').click();
    await page.getByTestId('confirm-seed').click();
    await page.getByTestId('seed-facts').waitFor({ timeout: 30_000 });
    await page.getByTestId('publish-draws').click();
    await page.getByTestId(`published-draw-link-${TASKS[0]}`).waitFor({ timeout: 60_000 });
    await screenshot('draw-redraw-published');
    const old = await page.request.get(`${baseUrl}/api/public/draws/${drawId}`);
    const oldDraw = (await old.json()) as { supersededBy: number | null };
    expectTrue(old.ok() && oldDraw.supersededBy !== null, 'the first draw stays public, marked superseded');
    await page.goto(`${baseUrl}/app/draws/${sessionId}`);
    await page.getByText('已被重抽取代').first().waitFor({ timeout: 30_000 });
  },
};
