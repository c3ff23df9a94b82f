import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Efficacy#2026';

/** Signs in through the real Keycloak login page, as a person would. */
export async function login(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/realms\/efficacy\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#kc-login').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}
