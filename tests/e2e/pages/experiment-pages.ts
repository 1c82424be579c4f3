// Page objects for the experiment pages (Probe, Recognize, Compare, Sweep): their labelled
// controls, results and the waits the flows need. Screenshots go to tests/output/screenshots/.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('tests/output/screenshots', { recursive: true });
  await page.screenshot({ path: `tests/output/screenshots/${name}.png`, fullPage: true });
}

export class ProbePageObject {
  readonly sigma: Locator;
  readonly tap: Locator;
  readonly train: Locator;
  readonly stop: Locator;
  readonly testMicro: Locator;
  readonly curves: Locator;
  constructor(readonly page: Page) {
    this.sigma = page.getByLabel('Noise level sigma');
    this.tap = page.getByLabel('Tap (layer)');
    this.train = page.getByRole('button', { name: 'Train probe' });
    this.stop = page.getByRole('button', { name: 'Stop' });
    this.testMicro = page.getByTestId('probe-test-micro');
    this.curves = page.getByRole('figure', { name: 'Training curves' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/?page=probe${query ? `&${query}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Train a probe' })).toBeVisible();
    // The tap list is filled from the model's config by the worker.
    await expect(this.tap.locator('option')).not.toHaveCount(1, { timeout: 60_000 });
  }

  head(name: 'MLP' | 'CNN' | 'CRNN' | 'attention'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Probe head' }).getByRole('radio', { name });
  }

  headParams(kind: string): Locator {
    return this.page.locator(`[data-head-params="${kind}"]`);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async trainAndWait(timeout = 170_000): Promise<void> {
    await this.train.click();
    await expect(this.testMicro).toBeVisible({ timeout });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save probe' }).click();
    await expect(this.page.getByRole('list', { name: 'Saved probes' }).getByRole('listitem')).not.toHaveCount(0);
  }
}

export class RecognizePageObject {
  readonly audioFile: Locator;
  readonly predicted: Locator;
  readonly timing: Locator;
  readonly probe: Locator;
  readonly alert: Locator;
  constructor(readonly page: Page) {
    this.audioFile = page.getByLabel('Audio file', { exact: true });
    this.predicted = page.getByRole('list', { name: 'Predicted instruments' });
    this.timing = page.getByTestId('recognize-timing');
    this.probe = page.getByLabel('Probe', { exact: true });
    this.alert = page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/?page=recognize');
    await expect(this.page.getByRole('heading', { name: /Recognize the instruments/ })).toBeVisible();
  }

  /** Whether the page found a shipped probe (else it says so). */
  async hasShippedProbe(): Promise<boolean> {
    const section = this.page.locator('section.recognize-page');
    await expect(section).not.toHaveAttribute('data-shipped-probe', 'null');
    return (await section.getAttribute('data-shipped-probe')) === 'true';
  }

  async upload(name: string, buffer: Buffer, mimeType = 'audio/wav'): Promise<void> {
    await this.audioFile.setInputFiles({ name, mimeType, buffer });
  }

  /** One file's block (both answers) and each model's answer in it. */
  file(name: string): Locator {
    return this.page.getByRole('article', { name: `Instruments in ${name}`, exact: true });
  }

  probeAnswer(name: string): Locator {
    return this.page.getByRole('region', { name: `Diffusion probe answer for ${name}`, exact: true });
  }

  hanAnswer(name: string): Locator {
    return this.page.getByRole('region', { name: `Han CNN answer for ${name}`, exact: true });
  }

  /** The shipped combination's answer (models/recognizer/), formed from the two answers. */
  combinedAnswer(name: string): Locator {
    return this.page.getByRole('region', { name: `Shipped recognizer answer for ${name}`, exact: true });
  }

  /** Presses Tab until `target` has focus (keyboard only); fails after `max` presses. */
  async tabTo(target: Locator, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    }
    throw new Error(`tabTo: ${target} not reached in ${max} Tab presses`);
  }

  /** Uploads and waits for the probe's answer; returns the wall time in ms and its timing line. */
  async recognize(name: string, buffer: Buffer): Promise<{ wallMs: number; timing: string }> {
    const t0 = Date.now();
    await this.upload(name, buffer);
    // The file's block appears when it is queued; the probe's answer is there when its timing line is.
    const timing = this.file(name).getByTestId('recognize-timing');
    await expect(timing).toBeVisible({ timeout: 120_000 });
    return { wallMs: Date.now() - t0, timing: (await timing.textContent()) ?? '' };
  }
}

export class ComparePageObject {
  readonly summary: Locator;
  readonly chart: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByRole('table', { name: 'Micro and macro F1' });
    this.chart = page.getByRole('figure', { name: 'Class-wise test F1: probes vs the Han CNN' });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Lab pages' }).getByRole('link', { name: 'Compare' }).click();
    await expect(this.page.getByRole('heading', { name: 'Compare probes with the Han et al. CNN' })).toBeVisible();
  }

  async trainHan(epochs: number, clips: number): Promise<void> {
    await this.page.getByLabel('Epochs (most)').fill(String(epochs));
    await this.page.getByLabel('Clips per split').fill(String(clips));
    await this.page.getByRole('button', { name: 'Train the Han CNN here' }).click();
    await expect(this.summary.getByRole('rowheader', { name: 'Han CNN (here)' })).toBeVisible({ timeout: 300_000 });
  }
}

export class SweepPageObject {
  readonly status: Locator;
  readonly progress: Locator;
  constructor(readonly page: Page) {
    this.status = page.getByTestId('sweep-status');
    this.progress = page.getByRole('progressbar', { name: 'Sweep progress' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/?page=sweep');
    await expect(this.page.getByRole('heading', { name: /^Sweep/ })).toBeVisible();
  }

  async configureTiny(): Promise<void> {
    // The model and data lists are filled once (shipped models, stored corpora); choose after that.
    await expect.poll(() => this.page.getByLabel('Data', { exact: true }).locator('option').count()).toBeGreaterThan(1);
    await this.page.getByLabel('Model', { exact: true }).selectOption('random-init:tiny');
    await this.page.getByLabel('Sigmas (stage 1)').fill('0.05, 0.5');
    const heads = this.page.getByRole('group', { name: 'Heads (stage 3)' });
    for (const h of ['CRNN', 'attention']) await heads.getByLabel(h).uncheck();
    await this.page.getByLabel('Epochs (most)').fill('3');
    await this.page.getByLabel('Clips per split').fill('4');
  }

  /** Cells done, read from the status line. */
  async cellsDone(): Promise<number> {
    const text = (await this.status.textContent()) ?? '';
    return Number(/^(\d+) cells done/.exec(text)?.[1] ?? 0);
  }
}
