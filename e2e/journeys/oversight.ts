import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, type Journey } from '../harness.ts';

/** 2023 tasks with non-empty frames on the 20,000-object demo register; the first not yet drawn is drawn here. */
const CANDIDATES = ['JC2023-098', 'JC2023-131', 'JC2023-096', 'JC2023-133', 'JC2023-001'] as const;

/** The China date (YYYY-MM-DD) of a moment. */
function chinaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

/** A staff API client outside the browser (cookie + CSRF token), for the office's set-up steps. */
async function apiLogIn(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expectTrue(res.ok, `${username} logs in through the API, got ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken, origin: baseUrl };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
}

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * Issue "Oversight": the office holds a 2023 draw session through the API (every 2023 deadline is long past, so the
 * dispatched inspections are all red), opens the progress dashboard (figures as of yesterday), drills from a red
 * department to the task results behind its overdue count and to its overdue inspections, then issues a bulletin
 * and downloads it: a Word file whose progress table names that department.
 */
export const oversightJourney: Journey = {
  name: 'office watches progress → drills from a red department to its overdue inspections → issues a bulletin',
  run: async ({ baseUrl, page, screenshot }) => {
    const office = await apiLogIn(baseUrl, 'office');
    const drawn = (await office('GET', '/api/public/draws?year=2023')).json as {
      draws: { taskCode: string }[];
    };
    const taken = new Set(drawn.draws.map((d) => d.taskCode));
    let held = false;
    for (const code of CANDIDATES.filter((c) => !taken.has(c))) {
      const frozen = await office('POST', '/api/draw-sessions', {
        year: 2023,
        title: '2023年 监督测试',
        items: [{ taskCode: code, batch: 1 }],
      });
      if (frozen.status !== 200) continue;
      const id = (frozen.json as { id: number }).id;
      const seeded = await office('POST', `/api/draw-sessions/${id}/seed`, {
        digits: '1618 0339 8874 9894 8482 0458'.replace(/\s/g, ''),
        beacon: null,
        witnesses: ['王建国', '李秀兰'],
      });
      expectTrue(seeded.status === 200, `the seed is entered, got ${seeded.status}`);
      const published = await office('POST', `/api/draw-sessions/${id}/publish`);
      expectTrue(published.status === 200, `the draws are published, got ${published.status}`);
      held = true;
      break;
    }
    expectTrue(held || taken.size > 0, 'a 2023 draw exists to watch');

    // The dashboard: figures as of yesterday, with the date shown; 2023 results not yet published are all red.
    const yesterday = chinaDate(new Date(Date.now() - 86_400_000));
    await logIn(page, baseUrl, 'office', '/app/statistics?year=2023');
    const asOf = page.getByTestId('progress-as-of');
    await asOf.waitFor({ timeout: 60_000 });
    expectTrue((await asOf.getAttribute('data-value')) === yesterday, `figures stand at ${yesterday}`);
    expectTrue((await asOf.innerText()).includes(yesterday), 'the as-of date is shown');
    await page.getByTestId('chart-departments').waitFor();
    const overdueTotal = Number(await page.getByTestId('progress-kpi-overdue').getAttribute('data-value'));
    expectTrue(overdueTotal > 0, `some 2023 results are overdue, got ${overdueTotal}`);
    await screenshot('oversight-dashboard');

    // A red department: its overdue count opens the task results behind it.
    const red = page.locator('[data-testid="progress-departments-table"] tr[data-status="red"]').first();
    await red.waitFor();
    const link = red.locator('a[data-testid^="progress-department-"]');
    const departmentName = await link.innerText();
    const departmentId = Number(
      (await link.getAttribute('data-testid'))?.replace('progress-department-', ''),
    );
    const count = red.getByTestId('count-overdue');
    const overdue = Number(await count.innerText());
    expectTrue(overdue > 0, `${departmentName} has overdue results, got ${overdue}`);
    await count.click();
    const total = page.getByTestId('units-total');
    await total.waitFor();
    expectTrue(
      (await total.innerText()).includes(`共 ${overdue} 户次`),
      `the drill-down lists ${overdue} results, got "${await total.innerText()}"`,
    );
    await screenshot('oversight-drill-overdue');
    await page.keyboard.press('Escape');

    // The department drills to its overdue inspections on the inspections page.
    await link.click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/app/inspections' &&
        url.searchParams.get('department') === String(departmentId) &&
        url.searchParams.get('urgency') === 'overdue',
    );
    const list = (
      await office('GET', `/api/inspections?year=2023&department=${departmentId}&urgency=overdue&limit=500`)
    ).json as { total: number };
    expectTrue(
      list.total > 0 && list.total <= overdue,
      `the overdue inspections are listed, got ${list.total}`,
    );
    const shown = page.getByTestId('inspections-total');
    await shown.waitFor({ timeout: 30_000 });
    expectTrue(
      (await shown.innerText()).includes(String(list.total)),
      `the inspections page shows ${list.total} overdue inspections, got "${await shown.innerText()}"`,
    );
    await screenshot('oversight-overdue-inspections');

    // A bulletin, issued now and downloaded: a Word file with the department in its progress table.
    await page.goto(`${baseUrl}/app/bulletins?year=2023`);
    await page.getByTestId('bulletin-new').click();
    await page.getByTestId('bulletin-issue').click();
    const latest = page.locator('[data-testid="bulletins-table"] tr[data-latest="true"]');
    await latest.waitFor({ timeout: 60_000 });
    expectTrue((await latest.innerText()).includes('双随机办〔2023〕'), 'the bulletin carries its number');
    await screenshot('oversight-bulletin-issued');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      latest.locator('a[data-testid^="bulletin-download-"]').click(),
    ]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expectTrue(xml.includes('工作进展情况的通报'), 'the download is the bulletin');
    expectTrue(xml.includes(departmentName), `the bulletin names ${departmentName}`);
    expectTrue(
      download.suggestedFilename().endsWith('.docx'),
      `a .docx, got ${download.suggestedFilename()}`,
    );
  },
};
