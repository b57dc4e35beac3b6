import { DEMO_PASSWORD, expectTrue, type Journey } from '../harness.ts';

/** Issue "Foundation": open the portal, log in as the office admin, see the staff shell, log out. */
export const loginLogoutJourney: Journey = {
  name: 'portal → office admin logs in → staff shell → logs out',
  run: async ({ baseUrl, page, screenshot }) => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/public/);
    await page.getByTestId('portal-title').waitFor();
    const title = await page.getByTestId('portal-title').innerText();
    expectTrue(title.includes('双随机'), `portal title is in Chinese, got "${title}"`);
    await page.getByTestId('portal-regions').waitFor();
    const regions = await page.getByTestId('portal-regions').innerText();
    expectTrue(regions.includes('泽州县'), `the portal lists the regions from the API, got "${regions}"`);
    await screenshot('portal-home');

    await page.goto(`${baseUrl}/app`);
    await page.waitForURL(/\/login/);
    await page.locator('#username').fill('office');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app/);
    await page.getByTestId('staff-nav').waitFor();
    const user = await page.getByTestId('current-user').innerText();
    expectTrue(user.includes('领导小组办公室'), `the header names the user, got "${user}"`);
    const nav = await page.getByTestId('staff-nav').innerText();
    for (const item of [
      '计划',
      '事项清单',
      '检查对象库',
      '执法人员库',
      '抽取',
      '检查',
      '结果',
      '后续处置',
      '统计',
      '公示',
    ]) {
      expectTrue(nav.includes(item), `navigation has ${item}`);
    }
    await screenshot('staff-shell');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const res = await page.request.get(`${baseUrl}/api/auth/session`);
    expectTrue(res.status() === 401, `session ended after logout, got ${res.status()}`);
  },
};
