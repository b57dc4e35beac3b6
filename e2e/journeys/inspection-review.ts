import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, REPO_ROOT, type Journey } from '../harness.ts';

const NOTICE = path.join(REPO_ROOT, 'packages/server/demo-data/jincheng-2023-plan-notice.txt');
/** 泽州 tasks initiated by 泽州县市场监督管理局: 96 学校食堂食品安全 (13 objects), 98 房地产市场 (15 objects). */
const DRAWN_SEQS = [96, 98] as const;
/** 泽州县教育局's 101 中小学校办学情况 (泽州县市场监督管理局 cooperating): the other department for 采信. */
const OTHER_DEPARTMENT_SEQ = 101;
const RETURN_REASON = '请补充现场照片说明并写明整改期限';
/** A real 1×1 PNG (the server checks the type by content). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The China date (YYYY-MM-DD) the server counts deadlines for. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
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
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken, origin: baseUrl };
    let payload: FormData | string | null = null;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
    const text = await response.text();
    expectTrue(response.ok, `${method} ${url} answers 2xx, got ${response.status}: ${text.slice(0, 500)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return { call };
}

type Api = Awaited<ReturnType<typeof apiLogIn>>;

interface PreviewTask {
  seq: number;
  region: string;
  lines: {
    matters: string[];
    ratio: unknown;
    timesPerYear: number | null;
    window: { fromMonth: number; toMonth: number } | null;
  }[];
}

/**
 * The plan the journey draws from: the 泽州 tasks of the demo notice for the current year, so that publishing today
 * meets the deadline whatever the date. As a clerk would adjust a draft, the two drawn tasks run all year in one
 * batch. For the 采信 case the fixture goes further than a clerk would: the 教育局 task 101 also lists the matters of
 * the two drawn tasks (whichever visit the inspector gets first) and, later, 100% of a population the office names
 * (the object just published), which gives another department's inspection of the same object and matter.
 */
function planTasks(preview: { tasks: PreviewTask[] }): PreviewTask[] {
  const wholeYear = { fromMonth: 1, toMonth: 12 };
  const drawnMatters = preview.tasks
    .filter((task) => task.region === '泽州县' && (DRAWN_SEQS as readonly number[]).includes(task.seq))
    .flatMap((task) => task.lines.flatMap((l) => l.matters));
  return preview.tasks
    .filter((task) => task.region === '泽州县')
    .map((task) => {
      if ((DRAWN_SEQS as readonly number[]).includes(task.seq)) {
        return { ...task, lines: task.lines.map((l) => ({ ...l, timesPerYear: 1, window: wholeYear })) };
      }
      if (task.seq === OTHER_DEPARTMENT_SEQ) {
        return {
          ...task,
          lines: task.lines.map((l) => ({
            ...l,
            matters: [...new Set([...l.matters, ...drawnMatters])],
            ratio: { percent: 100, bound: 'exact' },
            timesPerYear: 1,
            window: wholeYear,
          })),
        };
      }
      return task;
    });
}

async function importPlan(office: Api, year: number): Promise<Map<number, string>> {
  const published = await office.call<{ years: number[] }>('GET', '/api/public/plans');
  expectTrue(!published.years.includes(year), `no ${year} plan exists before the journey imports one`);
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(NOTICE)]), path.basename(NOTICE));
  const preview = await office.call<{ tasks: PreviewTask[] }>('POST', '/api/plans/preview', form);
  await office.call('POST', `/api/plans/${year}/draft`, {
    title: `${year}年度泽州县部门联合抽查工作计划`,
    sourceName: path.basename(NOTICE),
    tasks: planTasks(preview),
  });
  await office.call('POST', `/api/plans/${year}/publish`);
  const plan = await office.call<{ tasks: { seq: number; code: string }[] }>(
    'GET',
    `/api/plans/${year}?region=140525`,
  );
  return new Map(plan.tasks.map((task) => [task.seq, task.code]));
}

/** Freeze, seed and publish a draw session (the draw-session journey does this in the browser). */
async function holdDrawSession(office: Api, year: number, title: string, taskCodes: string[]): Promise<void> {
  const session = await office.call<{ id: number; frames: { taskCode: string; frameSize: number }[] }>(
    'POST',
    '/api/draw-sessions',
    { year, title, items: taskCodes.map((taskCode) => ({ taskCode, batch: 1 })) },
  );
  for (const frame of session.frames) {
    expectTrue(frame.frameSize > 0, `the frame of ${frame.taskCode} is not empty`);
  }
  await office.call('POST', `/api/draw-sessions/${session.id}/seed`, {
    digits: '2718 2818 2845 9045 2353 6028'.replace(/\s/g, ''),
    beacon: null,
    witnesses: ['王建国', '李秀兰'],
  });
  await office.call('POST', `/api/draw-sessions/${session.id}/publish`);
}

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
}

/** Picks options of an antd Select (multi-select stays open, so Escape closes it). */
async function pickOptions(page: Page, testId: string, labels: readonly string[]): Promise<void> {
  await page.getByTestId(testId).click();
  let last = null;
  for (const label of labels) {
    last = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).first();
    await last.click();
  }
  await page.keyboard.press('Escape');
  // Wait for the dropdown to close, so the next select's options are the only ones visible.
  await last?.waitFor({ state: 'hidden' });
}

async function statusOf(page: Page): Promise<string | null> {
  return page
    .getByTestId('inspection-page')
    .getByTestId('inspection-status')
    .first()
    .getAttribute('data-status');
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page
    .getByTestId('inspection-page')
    .locator(`[data-testid="inspection-status"][data-status="${status}"]`)
    .first()
    .waitFor({ timeout: 30_000 });
}

/**
 * Issue "Inspections, results and publication" (DOMAIN.md §5), on a phone (375×812): the 泽州 market-supervision
 * department's two tasks are drawn; the inspector opens the first assigned inspection, records a result for every
 * matter (one with a problem), uploads a photo (a text file is refused), submits; the department's reviewer returns it
 * once with a reason; the inspector sees the reason and resubmits; the reviewer approves, which publishes it; the
 * portal finds it by the object's USCC, published on time. Then the 教育局 draws the same object for the same matter
 * and its inspection offers 采信 of the published result.
 */
export const inspectionReviewJourney: Journey = {
  name: 'inspector records on a phone → reviewer returns, then approves → portal shows it on time → 采信 offered',
  run: async ({ baseUrl, page, screenshot }) => {
    const today = chinaToday();
    const year = Number(today.slice(0, 4));
    const inspectedOn = today <= `${year}-12-15` ? today : `${year}-12-15`;

    // Set-up as the office: this year's 泽州 plan and a draw session for the two market-supervision tasks.
    const office = await apiLogIn(baseUrl, 'office');
    const codes = await importPlan(office, year);
    const drawn = DRAWN_SEQS.map((seq) => codes.get(seq) ?? '');
    await holdDrawSession(office, year, `${year}年泽州县市场监管第一批`, drawn);

    // 1. The inspector, on a phone, sees its inspections with the countdown and opens the first.
    await page.setViewportSize({ width: 375, height: 812 });
    await logIn(page, baseUrl, 'inspector', `/app/inspections?year=${year}`);
    const firstCard = page.locator('[data-testid^="inspection-card-"]').first();
    await firstCard.waitFor({ timeout: 30_000 });
    const cardText = await firstCard.innerText();
    expectTrue(/剩余\d+个工作日/.test(cardText), `the card shows the countdown, got "${cardText}"`);
    await screenshot('inspection-list-phone');
    const cardId = (await firstCard.getAttribute('data-testid'))?.replace('inspection-card-', '') ?? '';
    await firstCard.getByTestId(`inspection-link-${cardId}`).click();
    await page.waitForURL(new RegExp(`/app/inspections/${cardId}$`));
    await page.getByTestId('inspection-entry').waitFor();
    const objectId = (await page.getByTestId('inspection-object-id').innerText()).trim();
    const objectName = (await page.getByTestId('inspection-title').innerText()).trim();
    expectTrue(/^[0-9A-Z]{15,18}$/.test(objectId), `the object's USCC is shown, got "${objectId}"`);

    // 2. A result for every matter: the first with a problem found, the others nothing found.
    const matters = await page.locator('[data-testid^="matter-entry-"]').count();
    expectTrue(matters >= 2, `the checklist lists every matter, got ${matters}`);
    for (let i = 0; i < matters; i++) {
      await pickOptions(page, `result-codes-${i}`, [i === 0 ? 'A 发现问题待后续处理' : '1 未发现问题']);
    }
    await page.getByTestId('result-note-0').fill('食堂进货查验记录不全');
    await pickOptions(page, 'inspection-method', ['实地检查']);
    await page.getByTestId('inspection-date').fill(inspectedOn);
    await page.getByTestId('inspection-findings').fill('现场检查发现食堂进货查验记录不全，已当场指出。');
    await page.getByTestId('inspection-save').click();
    await page.locator('.ant-message', { hasText: '草稿已保存' }).waitFor();

    // 3. Evidence: a text file is refused with a message naming it; a photo is stored with its SHA-256.
    const upload = page.getByTestId('evidence-panel').locator('input[type="file"]');
    const accept = await upload.getAttribute('accept');
    expectTrue(accept === 'image/*,application/pdf', `the picker offers the camera, got accept="${accept}"`);
    await upload.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    const refusal = await page.getByTestId('evidence-error').innerText();
    expectTrue(refusal.includes('notes.txt'), `the refusal names the file, got "${refusal}"`);
    await page.getByTestId('evidence-caption').fill('食堂进货台账照片');
    await upload.setInputFiles({ name: 'canteen.png', mimeType: 'image/png', buffer: PNG });
    const hash = page.getByTestId('evidence-sha256');
    await hash.waitFor();
    const shown = await hash.getAttribute('data-value');
    const expected = createHash('sha256').update(PNG).digest('hex');
    expectTrue(shown === expected, `the photo is stored with its SHA-256, got ${shown ?? 'nothing'}`);
    expectTrue((await hash.count()) === 1, 'only the photo was stored');
    await screenshot('inspection-entry-phone');

    // 4. Submit for review.
    await page.getByTestId('inspection-submit').click();
    await waitForStatus(page, 'submitted');
    await screenshot('inspection-submitted-phone');

    // 5. The reviewer of 泽州县市场监督管理局 returns it once, with a reason.
    await logOut(page);
    await logIn(page, baseUrl, 'zezhou-scjg', `/app/inspections/${cardId}`);
    await page.getByTestId('review-return').click();
    await page.getByTestId('review-return-ok').click();
    await page.getByText('请填写退回理由').first().waitFor();
    await page.getByTestId('review-return-reason').fill(RETURN_REASON);
    await page.getByTestId('review-return-ok').click();
    await waitForStatus(page, 'returned');
    await screenshot('inspection-returned-reviewer-phone');

    // 6. The inspector sees the reason, completes the record and submits again.
    await logOut(page);
    await logIn(page, baseUrl, 'inspector', `/app/inspections/${cardId}`);
    const reason = await page.getByTestId('return-reason').innerText();
    expectTrue(reason.includes(RETURN_REASON), `the inspector sees the reason, got "${reason}"`);
    await screenshot('inspection-return-reason-phone');
    await page
      .getByTestId('inspection-findings')
      .fill('现场检查发现食堂进货查验记录不全，已责令十个工作日内整改并留存照片。');
    await page.getByTestId('inspection-submit').click();
    await waitForStatus(page, 'submitted');

    // 7. The reviewer approves: the result is published, on time.
    await logOut(page);
    await logIn(page, baseUrl, 'zezhou-scjg', `/app/inspections/${cardId}`);
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-approve-ok').click();
    await waitForStatus(page, 'published');
    const deadline = page.getByTestId('inspection-page').getByTestId('deadline-tag').first();
    expectTrue(
      (await deadline.getAttribute('data-kind')) === 'met',
      `the inspection is published on time, got ${(await deadline.innerText()).trim()}`,
    );
    const history = await page.getByTestId('review-history').innerText();
    for (const step of ['提交审核', '审核退回', RETURN_REASON, '审核通过并公示']) {
      expectTrue(history.includes(step), `the review history shows "${step}", got "${history}"`);
    }
    expectTrue((await statusOf(page)) === 'published', 'the inspection is published');
    await screenshot('inspection-published-phone');

    // 8. The public finds it by the object's USCC, published on time, with the matters' results.
    await logOut(page);
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId('portal-section-results-link').click();
    await page.getByTestId('public-results-title').waitFor();
    const search = page
      .locator('input[data-testid="results-search"], [data-testid="results-search"] input')
      .first();
    await search.fill(objectId);
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === objectId);
    const card = page.locator('[data-testid^="result-card-"]', { hasText: objectId }).first();
    await card.waitFor();
    const published = await card.innerText();
    expectTrue(published.includes(objectName), `the portal names the object, got "${published}"`);
    expectTrue(published.includes('按期公示'), `the portal shows it published on time, got "${published}"`);
    expectTrue(
      published.includes('发现问题待后续处理') && published.includes('未发现问题'),
      `the portal shows each matter's result, got "${published}"`,
    );
    const csvHref = await page.getByTestId('results-download-csv').getAttribute('href');
    expectTrue(csvHref !== null, 'the portal offers a CSV download');
    const csv = await page.request.get(new URL(csvHref, baseUrl).toString());
    expectTrue(
      csv.ok() && (await csv.text()).includes(objectName),
      'the CSV of the same query has the result',
    );
    await screenshot('portal-results-phone');

    // 9. 采信: the 教育局 task draws the same object for the shared matter; its inspection offers the result.
    const lines = await office.call<{ lines: { taskLineId: number; taskCode: string }[] }>(
      'GET',
      `/api/plans/${year}/populations`,
    );
    const otherCode = codes.get(OTHER_DEPARTMENT_SEQ) ?? '';
    const line = lines.lines.find((l) => l.taskCode === otherCode);
    expectTrue(line !== undefined, `${otherCode} has a population line`);
    await office.call('PUT', `/api/populations/${line.taskLineId}`, {
      regionCodes: ['140525'],
      categoryCodes: [],
      filters: { kinds: null, statuses: ['存续'], minRegisteredCapital: null, licence: null, flags: [] },
      explicit: true,
      explicitNames: [objectName],
      confidence: 'high',
      reasons: ['端到端测试：指定市场监管局刚公示结果的同一对象'],
    });
    await holdDrawSession(office, year, `${year}年泽州县教育局第一批`, [otherCode]);
    await logIn(page, baseUrl, 'zezhou-scjg', '/app/inspections');
    await page.goto(`${baseUrl}/app/inspections?task=${otherCode}&q=${encodeURIComponent(objectId)}`);
    const otherCard = page.locator('[data-testid^="inspection-card-"]').first();
    await otherCard.waitFor({ timeout: 30_000 });
    const otherId = (await otherCard.getAttribute('data-testid'))?.replace('inspection-card-', '') ?? '';
    expectTrue(otherId !== cardId, 'the 教育局 visit is a new inspection');
    await otherCard.getByTestId(`inspection-link-${otherId}`).click();
    const offer = page.locator('[data-testid^="recognition-offer-"]').first();
    await offer.waitFor({ timeout: 30_000 });
    const offerText = await offer.innerText();
    expectTrue(
      offerText.includes('泽州县市场监督管理局') && offerText.includes('发现问题待后续处理'),
      `the offer names the publishing department and its result, got "${offerText}"`,
    );
    // The 泽州 market-supervision inspector on the 教育局 team lets its department's admin fill the entry: 采信.
    const recognise = page.locator('[data-testid^="recognise-"]').first();
    expectTrue((await recognise.count()) > 0, 'the team can take the offer (采信)');
    await recognise.click();
    await page.getByText('已采信泽州县市场监督管理局的结果').first().waitFor();
    // Saved as a draft, the server accepts the recognised result and the entry reloads with it.
    await page.getByTestId('inspection-save').click();
    await page.locator('.ant-message', { hasText: '草稿已保存' }).waitFor();
    await page.getByText('已采信泽州县市场监督管理局的结果').first().waitFor();
    await screenshot('inspection-recognition-phone');
  },
};
