// Page object for the Models page: model cards, the import inputs and result, the training
// panel, denoise and sample.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export class ModelsPage {
  readonly cards: Locator;
  readonly folderInput: Locator;
  readonly filesInput: Locator;
  readonly importStatus: Locator;
  readonly alert: Locator;
  readonly trainPanel: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByRole('article', { name: /^Model / });
    this.folderInput = page.getByLabel('Model folder');
    this.filesInput = page.getByLabel('Checkpoint and config files');
    this.importStatus = page.locator('p.ok[role="status"]');
    this.alert = page.getByRole('alert');
    this.trainPanel = page.getByRole('region', { name: 'Train a diffusion model' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/?page=models');
    await expect(this.page.getByRole('heading', { name: 'Models', exact: true })).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name: `Model ${name}`, exact: true });
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync('tests/output/screenshots', { recursive: true });
    await this.page.screenshot({ path: `tests/output/screenshots/${name}.png`, fullPage: true });
  }
}
