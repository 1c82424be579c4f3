// Page object for the Explore page: model / clip / sigma / seed controls, the U-Net tap diagram,
// the view (mels, channel maps for the model and the control) and the corpus projection.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export class ExplorePage {
  readonly model: Locator;
  readonly clip: Locator;
  readonly sigma: Locator;
  readonly sigmaReadout: Locator;
  readonly diagram: Locator;
  readonly view: Locator;
  readonly timing: Locator;
  readonly projectButton: Locator;
  readonly plots: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.model = page.getByRole('combobox', { name: 'Model', exact: true });
    this.clip = page.getByRole('combobox', { name: 'Clip', exact: true });
    this.sigma = page.getByLabel('Noise level σ');
    this.sigmaReadout = page.getByTestId('sigma-readout');
    this.diagram = page.getByRole('group', { name: /U-Net taps/ });
    this.view = page.getByRole('article', { name: 'Explore view' });
    this.timing = page.getByTestId('explore-timing');
    this.projectButton = page.getByRole('button', { name: /^Project the corpus/ });
    this.plots = page.getByRole('figure', { name: /PCA of pooled features/ });
    this.alert = page.getByRole('alert');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/?page=explore${query ? `&${query}` : ''}`);
    await expect(this.page.getByRole('heading', { name: /Explore a U-Net/ })).toBeVisible();
  }

  tap(name: string): Locator {
    return this.diagram.locator(`button[data-tap="${name}"]`);
  }

  /** Waits for a finished view computed for `sigma` (and `tap` when given). */
  async waitForView(sigma: number | string, tap?: string, timeout = 120_000): Promise<void> {
    const sel = `article[data-sigma="${sigma}"]${tap ? `[data-tap="${tap}"]` : ''}[aria-busy="false"]`;
    await expect(this.page.locator(sel)).toBeVisible({ timeout });
  }

  channelMaps(title: RegExp | string): Locator {
    return this.page.getByRole('figure', { name: typeof title === 'string' ? new RegExp(title) : title }).getByRole('img', { name: /, channel \d+ at / });
  }

  async workerMs(): Promise<number> {
    const t = (await this.timing.textContent()) ?? '';
    return Number(/Worker time (\d+) ms/.exec(t)?.[1] ?? NaN);
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync('tests/output/screenshots', { recursive: true });
    await this.page.screenshot({ path: `tests/output/screenshots/${name}.png`, fullPage: true });
  }
}
