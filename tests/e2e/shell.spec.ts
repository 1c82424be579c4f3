import { expect, test } from '@playwright/test';

test('the lab loads', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'DiffPIR Lab' })).toBeVisible();
});
