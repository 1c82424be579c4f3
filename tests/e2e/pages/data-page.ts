// Page object for the Data page: the built-in corpus render (preset, clips per class, progress,
// result), the stored count, the clip list with filters, and the importers.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export class DataPage {
  readonly preset: Locator;
  readonly perClass: Locator;
  readonly stored: Locator;
  readonly result: Locator;
  readonly progress: Locator;
  readonly clips: Locator;
  readonly classFilter: Locator;
  readonly splitFilter: Locator;
  readonly alert: Locator;
  readonly irmasFolder: Locator;

  constructor(readonly page: Page) {
    this.preset = page.getByRole('combobox', { name: 'Preset' });
    this.perClass = page.getByRole('combobox', { name: 'Clips per class' });
    this.stored = page.getByTestId('corpus-stored');
    this.result = page.getByTestId('corpus-render-result');
    this.progress = page.getByRole('progressbar', { name: 'Corpus rendering progress' });
    this.clips = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
    this.classFilter = page.getByRole('combobox', { name: 'Class', exact: true });
    this.splitFilter = page.getByRole('combobox', { name: 'Split', exact: true });
    this.alert = page.getByRole('alert');
    this.irmasFolder = page.getByLabel('IRMAS folder');
  }

  /** Opens the page; with `autorender` false the first visit does not start rendering by itself. */
  async goto(preset = 'tiny', autorender = false): Promise<void> {
    await this.page.goto(`/?page=data&preset=${preset}${autorender ? '' : '&autorender=0'}`);
    await expect(this.page.getByRole('heading', { name: 'The built-in corpus' })).toBeVisible();
  }

  /** Starts rendering (at most `perClass` clips per class and split when given). */
  async startRender(perClass?: number): Promise<void> {
    await this.perClass.selectOption(perClass === undefined ? '' : String(perClass));
    await this.page.getByRole('button', { name: /^(Render \d+ clips|Resume rendering)/ }).click();
  }

  async storedCount(): Promise<number> {
    const text = (await this.stored.textContent()) ?? '';
    return Number(/^(\d+) of/.exec(text)?.[1] ?? NaN);
  }

  async waitForResult(timeout = 240_000): Promise<string> {
    await expect(this.result).toBeVisible({ timeout });
    return (await this.result.textContent()) ?? '';
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync('tests/output/screenshots', { recursive: true });
    await this.page.screenshot({ path: `tests/output/screenshots/${name}.png`, fullPage: true });
  }
}
