import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectTrue, REPO_ROOT, type Journey } from '../harness.ts';

/** The real county market-entity export (DOMAIN.md §8): not part of the repository, skipped when absent. */
const REAL_FILE = path.resolve(REPO_ROOT, '..', 'shared/realdata/market-entities-2021.xls');
/** Its USCCs stored as numbers that lost their last digits (issue "The registers from real Excel files"). */
const CORRUPTED_USCC_ROWS = 83;

async function logIn(page: Page, baseUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Clicks an antd Select and picks the option whose text contains `text` (typing it first to filter). */
async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/**
 * Issue "The registers": the office opens the object register, goes to the import, uploads the real market-entity
 * export, accepts the suggested columns, sets the default region to 泽州县, dry-runs, sees the corrupted 统一信用代码
 * (TYXYDM) rows among the issues, and downloads the issue report (.xlsx).
 */
export const registerImportJourney: Journey = {
  name: 'office dry-runs the real market-entity export → TYXYDM errors listed → issue report downloaded',
  run: async ({ baseUrl, page, screenshot }) => {
    if (!fs.existsSync(REAL_FILE)) {
      process.stdout.write(`  (skipped: ${REAL_FILE} is absent)\n`);
      return;
    }
    // 1. The object register, then its import.
    await logIn(page, baseUrl, 'office', '/app/objects');
    await page.getByTestId('objects-table').locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await screenshot('register-objects');
    await page.getByTestId('objects-import').click();
    await page.waitForURL((url) => url.pathname === '/app/import/objects');

    // 2. Upload: the preview finds the pinyin header and suggests the columns.
    await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles(REAL_FILE);
    await page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
    const usccColumn = await page.getByTestId('import-mapping-uscc').innerText();
    expectTrue(usccColumn.includes('TYXYDM'), `统一社会信用代码 is mapped to TYXYDM, got "${usccColumn}"`);
    const nameColumn = await page.getByTestId('import-mapping-name').innerText();
    expectTrue(
      nameColumn.trim() !== '' && !nameColumn.includes('不导入'),
      `名称 is mapped, got "${nameColumn}"`,
    );
    const samples = await page.getByTestId('import-samples').locator('.ant-table-row').count();
    expectTrue(samples === 20, `the first 20 rows are shown, got ${samples}`);
    await pickOption(page, 'import-region', '泽州县');
    await screenshot('register-import-mapping');

    // 3. Dry run: the corrupted codes are errors on TYXYDM; nothing is stored.
    const [answer] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/imports/objects',
        { timeout: 120_000 },
      ),
      page.getByTestId('import-dry-run').click(),
    ]);
    const body = (await answer.json()) as { issues: { column: string; severity: string }[] };
    const tyxydm = body.issues.filter((i) => i.column === 'TYXYDM' && i.severity === 'error').length;
    expectTrue(tyxydm === CORRUPTED_USCC_ROWS, `${CORRUPTED_USCC_ROWS} TYXYDM errors, got ${tyxydm}`);
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    const resultText = await page.getByTestId('import-result').innerText();
    expectTrue(
      resultText.includes('试导入完成'),
      `the dry run says nothing was stored, got "${resultText.slice(0, 200)}"`,
    );
    expectTrue(resultText.includes('651'), `the dry run read 651 rows, got "${resultText.slice(0, 300)}"`);
    const table = page.getByTestId('import-issues-table');
    const tableText = await table.innerText();
    expectTrue(
      tableText.includes('TYXYDM') && tableText.includes('重新导出'),
      `the issues table shows TYXYDM errors (re-export the column as text), got "${tableText.slice(0, 300)}"`,
    );
    await screenshot('register-import-result');

    // 4. The issue report: an .xlsx (a ZIP: PK) that lists every issue.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report-download').click(),
    ]);
    const saved = await download.path();
    const bytes = fs.readFileSync(saved);
    expectTrue(bytes.subarray(0, 2).toString('latin1') === 'PK', 'the issue report is an .xlsx (PK magic)');
    expectTrue(
      download.suggestedFilename().endsWith('.xlsx'),
      `the report is named .xlsx, got ${download.suggestedFilename()}`,
    );
    await screenshot('register-import-report');
  },
};
