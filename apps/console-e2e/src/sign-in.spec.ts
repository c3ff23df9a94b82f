import { expect, test } from '@playwright/test';
import { login } from './support/login';

const USERS = [
  { username: 'yinchuan.admin', role: 'city-admin', regions: ['640100'], units: [] },
  { username: 'jinfeng.admin', role: 'county-admin', regions: ['640106'], units: [] },
  { username: 'lingwu.admin', role: 'county-admin', regions: ['640181'], units: [] },
  { username: 'jinfeng.spj.head', role: 'dept-head', regions: ['640106'], units: ['640106:spj'] },
  { username: 'jinfeng.spj.staff', role: 'dept-staff', regions: ['640106'], units: ['640106:spj'] },
  { username: 'anyang.admin', role: 'city-admin', regions: ['410500'], units: [] },
  { username: 'yindu.admin', role: 'county-admin', regions: ['410505'], units: [] },
  { username: 'panzhihua.admin', role: 'city-admin', regions: ['510400'], units: [] },
  { username: 'jiayuguan.admin', role: 'city-admin', regions: ['620200'], units: [] },
  {
    username: 'regional.it',
    role: 'regional-it',
    regions: ['410000', '510000', '620000', '640000'],
    units: [],
  },
  { username: 'yinchuan.auditor', role: 'auditor', regions: ['640100'], units: [] },
];

test.describe('sign-in through Keycloak', () => {
  for (const user of USERS) {
    test(`${user.username} sees their role and scope on the workbench`, async ({ page }) => {
      await login(page, user.username);
      await expect(page.getByTestId('username')).toHaveText(user.username);
      await expect(page.getByTestId('roles').locator('[data-role]')).toHaveCount(1);
      await expect(page.getByTestId('roles').locator(`[data-role="${user.role}"]`)).toBeVisible();
      const regions = page.getByTestId('regions').locator('[data-region]');
      await expect(regions).toHaveCount(user.regions.length);
      for (const code of user.regions)
        await expect(page.getByTestId('regions').locator(`[data-region="${code}"]`)).toBeVisible();
      for (const unit of user.units) await expect(page.getByTestId('units')).toContainText(unit);
      // The live API call: the health check made with the user's token answered.
      await expect(page.getByTestId('api-status')).toHaveAttribute('data-status', 'ok');
    });
  }

  test('the workbench is in Chinese first and switches to English', async ({ page }) => {
    await login(page, 'yinchuan.admin');
    await expect(page.getByTestId('welcome')).toContainText('您好');
    await expect(page.getByTestId('roles')).toContainText('市级管理员');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('welcome')).toContainText('Hello');
    await expect(page.getByTestId('roles')).toContainText('City administrator');
    await page.screenshot({ path: test.info().outputPath('workbench-en.png'), fullPage: true });
  });

  test('an unknown address shows a designed "not found" page, and signing out returns to Keycloak', async ({
    page,
  }) => {
    await login(page, 'jinfeng.admin', '/no/such/page');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await page.getByTestId('current-user').hover();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/realms\/efficacy\//);
    await expect(page.locator('#username')).toBeVisible();
  });
});
