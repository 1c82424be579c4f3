// Page object for the lab's first page: backend status, the "Audio file" input, the clip facts,
// the waveform and log-mel canvases, errors, notices and the diagnostics panel.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export interface CanvasStats {
  width: number;
  height: number;
  distinctColours: number;
  /** Fraction of sampled pixels that differ from the top-left pixel. */
  nonBackground: number;
}

export class LabPage {
  readonly heading: Locator;
  readonly backendName: Locator;
  readonly backendReason: Locator;
  readonly backendSelect: Locator;
  readonly audioFile: Locator;
  readonly alert: Locator;
  readonly clipName: Locator;
  readonly duration: Locator;
  readonly sampleRate: Locator;
  readonly channels: Locator;
  readonly timings: Locator;
  readonly warnings: Locator;
  readonly mel: Locator;
  readonly waveform: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'DiffPIR Lab' });
    this.backendName = page.getByTestId('backend-name');
    this.backendReason = page.getByTestId('backend-reason');
    this.backendSelect = page.getByLabel('Use backend');
    this.audioFile = page.getByLabel('Audio file', { exact: true });
    this.alert = page.getByRole('alert');
    this.clipName = page.getByTestId('clip-name');
    this.duration = page.getByTestId('clip-duration');
    this.sampleRate = page.getByTestId('clip-rate');
    this.channels = page.getByTestId('clip-channels');
    this.timings = page.getByTestId('clip-timings');
    this.warnings = page.getByRole('list', { name: 'Warnings' });
    this.mel = page.getByRole('img', { name: /^Log-mel spectrogram of/ });
    this.waveform = page.getByRole('img', { name: /^Waveform of/ });
    this.notices = page.locator('.notice');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(query ? `/?${query}` : '/');
    await expect(this.heading).toBeVisible();
  }

  /** Waits until a backend is active and the demo clip's mel is drawn. */
  async waitUntilReady(): Promise<void> {
    await expect(this.backendName).not.toHaveText(/starting/);
    await expect(this.clipName).toContainText('built-in demo');
    await this.page.waitForFunction(() => performance.getEntriesByName('lab-interactive').length > 0);
  }

  /** Opens "Why this backend" (where the reason and the backend menu live) and forces `name`. */
  async forceBackend(name: string): Promise<void> {
    const details = this.page.locator('details.backend-details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await this.backendSelect.selectOption(name);
  }

  async upload(name: string, buffer: Buffer, mimeType = 'audio/wav'): Promise<void> {
    await this.audioFile.setInputFiles({ name, mimeType, buffer });
  }

  async melStats(): Promise<CanvasStats> {
    return this.mel.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const colours = new Set<number>();
      let differing = 0;
      let sampled = 0;
      const bg = (data[0] << 16) | (data[1] << 8) | data[2];
      for (let i = 0; i < data.length; i += 4 * 7) {
        const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        colours.add(rgb);
        if (rgb !== bg) differing++;
        sampled++;
      }
      return { width: c.width, height: c.height, distinctColours: colours.size, nonBackground: differing / sampled };
    });
  }

  async runOpsCheck(): Promise<{ summary: string; errors: Record<string, number> }> {
    await this.page.getByText('Diagnostics: check the backend against CPU').click();
    await this.page.getByRole('button', { name: 'Run ops check' }).click();
    const table = this.page.getByRole('table', { name: 'Ops check results' });
    await expect(table).toBeVisible();
    const summary = (await this.page.getByTestId('ops-summary').textContent()) ?? '';
    const errors: Record<string, number> = {};
    for (const cell of await table.locator('td[data-op]').all()) {
      errors[(await cell.getAttribute('data-op'))!] = Number(await cell.textContent());
    }
    return { summary, errors };
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync('tests/output/screenshots', { recursive: true });
    await this.page.screenshot({ path: `tests/output/screenshots/${name}.png`, fullPage: true });
  }
}
