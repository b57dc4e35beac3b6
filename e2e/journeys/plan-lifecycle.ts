import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, REPO_ROOT, type Journey } from '../harness.ts';

const YEAR = 2024;
const NOTICE = path.join(REPO_ROOT, 'packages/server/demo-data/jincheng-2023-plan-notice.txt');
/** Task 211 (阳城县) has no printed name: the parser flags it and the office names it by hand. */
const FLAGGED_SEQ = 211;
const FLAGGED_CODE = `JC${YEAR}-211`;
const FIXED_NAME = '阳城县民办学校办学情况双随机联合抽查';
/** Task 3 (晋城市本级): 市发改委 with 市市场监管局 cooperating, so city-scjg may ask to adjust it. */
const ADJUSTED_CODE = `JC${YEAR}-003`;
const ADJUSTED_NAME = '对夏粮收购任务的监督检查（调整后）';

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

/** Clicks an antd Select and picks the option whose text contains `text` (typing it first to filter). */
async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/**
 * Issue "Annual plan": the office imports the published notice for 2024, sees the flagged tasks, fixes one, saves
 * the draft and publishes; the portal shows it. A department asks to adjust a task with a stamped PDF letter, the
 * office approves, the plan becomes version 2 and the public history shows the change.
 */
export const planLifecycleJourney: Journey = {
  name: 'office imports, fixes and publishes the 2024 plan → department asks to adjust → office approves → v2',
  run: async ({ baseUrl, page, screenshot }) => {
    // 1. The office imports the notice for 2024.
    await logIn(page, baseUrl, 'office', '/app/plan');
    await page.getByTestId('plan-version').waitFor();
    await page.goto(`${baseUrl}/app/plan/import`);
    const yearInput = page
      .locator('input[data-testid="import-year"], [data-testid="import-year"] input')
      .first();
    await yearInput.fill(String(YEAR));
    await yearInput.blur();
    const title = await page.getByTestId('import-title').inputValue();
    expectTrue(title.includes(String(YEAR)), `the default title names the year, got "${title}"`);
    await page.getByTestId('plan-upload').locator('input[type="file"]').setInputFiles(NOTICE);
    await page.getByTestId('warning-list').waitFor({ timeout: 60_000 });
    const summary = await page.getByTestId('preview-summary').innerText();
    expectTrue(summary.includes('350'), `the preview reads 350 tasks, got "${summary}"`);
    const warningCount = await page.getByTestId('warning-item').count();
    expectTrue(warningCount > 10, `the preview lists the warnings, got ${warningCount}`);
    await screenshot('plan-import-preview');

    // 2. Jump from a warning to the flagged task and fix it.
    await page
      .getByTestId('warning-item')
      .filter({ hasText: `第 ${FLAGGED_SEQ} 项` })
      .first()
      .click();
    const row = page.getByTestId(`task-row-${FLAGGED_CODE}`);
    await row.waitFor();
    const rowText = await row.innerText();
    expectTrue(rowText.includes('提示'), `the flagged task carries a warning badge, got "${rowText}"`);
    expectTrue(rowText.includes('未印任务名称'), `the task has no printed name, got "${rowText}"`);
    await page.getByTestId(`edit-task-${FLAGGED_SEQ}`).click();
    await page.getByTestId('task-form').waitFor();
    await page.getByTestId('task-form-name').fill(FIXED_NAME);
    await screenshot('plan-import-edit-task');
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    const fixedRow = await page.getByTestId(`task-row-${FLAGGED_CODE}`).innerText();
    expectTrue(fixedRow.includes(FIXED_NAME), `the row shows the new name, got "${fixedRow}"`);
    expectTrue(fixedRow.includes('已修改'), `the row is marked edited, got "${fixedRow}"`);

    // 3. Save the draft, publish.
    await page.getByTestId('save-draft').click();
    await page.locator('.ant-message', { hasText: '已保存' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('publish-plan').click();
    await page.getByTestId('confirm-publish').click();
    await page.waitForURL(new RegExp(`/app/plan\\?year=${YEAR}`), { timeout: 60_000 });
    await page.getByTestId('plan-status').filter({ hasText: '已发布' }).waitFor();
    const version1 = await page.getByTestId('plan-version').innerText();
    expectTrue(version1.includes('版本 1'), `the new plan is version 1, got "${version1}"`);
    await screenshot('plan-published');

    // 4. The public portal shows the plan with the fixed task.
    await page.goto(`${baseUrl}/public/plan?year=${YEAR}`);
    await page.getByTestId('portal-plan-table').waitFor();
    await page.getByRole('tab', { name: /阳城县/ }).click();
    const publicRow = await page.getByTestId(`task-row-${FLAGGED_CODE}`).innerText();
    expectTrue(publicRow.includes(FIXED_NAME), `the portal shows the fixed task, got "${publicRow}"`);
    await screenshot('portal-plan-2024');
    const exportHref = await page.getByTestId('portal-plan-export').getAttribute('href');
    expectTrue(exportHref !== null, 'the portal offers the .xlsx');
    const xlsx = await page.request.get(new URL(exportHref, baseUrl).toString());
    const xlsxType = xlsx.headers()['content-type'] ?? '';
    expectTrue(
      xlsx.ok() && xlsxType.includes('spreadsheetml'),
      `the .xlsx downloads, got ${xlsx.status()} ${xlsxType}`,
    );

    // 5. The city market-supervision bureau asks to adjust one of its tasks, with a stamped letter.
    await page.goto(`${baseUrl}/app/plan`);
    await logOut(page);
    await logIn(page, baseUrl, 'city-scjg', '/app/plan/changes');
    await page.goto(`${baseUrl}/app/plan/changes?year=${YEAR}`);
    await page.getByTestId('change-request-form').waitFor();
    await page.getByTestId('change-kind').getByText('调整').click();
    await pickOption(page, 'change-task-select', ADJUSTED_CODE);
    await page.getByTestId('change-edit-task').click();
    await page.getByTestId('task-form').waitFor();
    await page.getByTestId('task-form-name').fill(ADJUSTED_NAME);
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form').waitFor({ state: 'detached' });
    await page.getByTestId('change-reason').fill('夏粮收购期调整，任务名称随之调整');
    const letter = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await page
      .getByTestId('change-letter')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: letter });
    await screenshot('change-request-form');
    await page.getByTestId('submit-change').click();
    const pendingRow = page
      .getByTestId('change-request-list')
      .locator('tr', { hasText: ADJUSTED_CODE })
      .first();
    await pendingRow.waitFor({ timeout: 30_000 });
    const pendingText = await pendingRow.innerText();
    expectTrue(pendingText.includes('待审批'), `the request is pending, got "${pendingText}"`);
    const rowId = (await pendingRow.getAttribute('data-testid')) ?? '';
    const id = /change-request-(\d+)/.exec(rowId)?.[1];
    expectTrue(id !== undefined, `the request row names its id, got "${rowId}"`);

    // 6. The office approves it: version 2.
    await logOut(page);
    await logIn(page, baseUrl, 'office', '/app/plan/changes');
    await page.goto(`${baseUrl}/app/plan/changes?year=${YEAR}`);
    await page.getByTestId(`approve-${id}`).click();
    await page.getByTestId('decision-reason').fill('同意调整');
    await screenshot('change-request-approve');
    await page.getByTestId('decision-ok').click();
    await page.getByTestId(`status-${id}`).filter({ hasText: '已批准' }).waitFor({ timeout: 30_000 });
    await page.goto(`${baseUrl}/app/plan?year=${YEAR}`);
    await page.getByTestId('plan-version').filter({ hasText: '版本 2' }).waitFor();
    await screenshot('plan-version-2');

    // 7. The public history shows the change; version 1 can still be read.
    await page.goto(`${baseUrl}/public/plan?year=${YEAR}`);
    await page.getByTestId('portal-plan-history').waitFor();
    const history = await page.getByTestId('portal-plan-history').innerText();
    expectTrue(history.includes('版本 2'), `the history lists version 2, got "${history}"`);
    expectTrue(history.includes(ADJUSTED_CODE), `the history names the adjusted task, got "${history}"`);
    expectTrue(history.includes('调整'), `the history says it was an adjustment, got "${history}"`);
    const adjustedRow = await page.getByTestId(`task-row-${ADJUSTED_CODE}`).innerText();
    expectTrue(
      adjustedRow.includes(ADJUSTED_NAME),
      `the current version shows the adjustment, got "${adjustedRow}"`,
    );
    await screenshot('portal-plan-history');
    await pickOption(page, 'portal-version-select', '版本 1');
    await page.getByTestId('portal-old-version').waitFor();
    await page.waitForURL(/version=1/);
    const oldRow = await page.getByTestId(`task-row-${ADJUSTED_CODE}`).innerText();
    expectTrue(!oldRow.includes('调整后'), `version 1 shows the task as first published, got "${oldRow}"`);
  },
};
