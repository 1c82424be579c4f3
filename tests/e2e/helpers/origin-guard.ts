// Records every request a page makes (page, workers, nested workers) and lists the ones whose
// origin is not the app's. blob: URLs carry their creator's origin; data: URLs never leave.
import type { Page } from '@playwright/test';

export function guardOrigin(page: Page, appOrigin: string): { foreign(): string[]; count(): number } {
  const seen: string[] = [];
  page.context().on('request', (r) => seen.push(r.url()));
  return {
    count: () => seen.length,
    foreign: () => seen.filter((u) => !u.startsWith('data:') && new URL(u).origin !== appOrigin),
  };
}
