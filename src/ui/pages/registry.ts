// The lab's pages, in navigation order. Each page is a lazily loaded component in its own
// folder/file; add a page with one entry here. The current page lives in the URL (`?page=`).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageEntry {
  id: string;
  title: string;
  /** One line shown under the navigation for the active page. */
  blurb: string;
  component: LazyExoticComponent<ComponentType>;
}

export const PAGES: PageEntry[] = [
  {
    id: 'clip',
    title: 'Clip',
    blurb: 'Drop an audio file and see its waveform and log-mel.',
    component: lazy(() => import('./ClipPage.tsx').then((m) => ({ default: m.ClipPage }))),
  },
  {
    id: 'explore',
    title: 'Explore',
    blurb: 'Pick a model and a clip, drag the noise level, click a U-Net tap: the noised mel, its one-step estimate, the activation maps and where the classes separate.',
    component: lazy(() => import('./explore/ExplorePage.tsx').then((m) => ({ default: m.ExplorePage }))),
  },
  {
    id: 'probe',
    title: 'Probe',
    blurb: 'Train a probe head on U-Net features at a noise level and tap; watch it learn; save it.',
    component: lazy(() => import('./probe/ProbePage.tsx').then((m) => ({ default: m.ProbePage }))),
  },
  {
    id: 'recognize',
    title: 'Recognize',
    blurb: 'Drop a recording and see which instruments play, with confidences over time, from the shipped probe.',
    component: lazy(() => import('./recognize/RecognizePage.tsx').then((m) => ({ default: m.RecognizePage }))),
  },
  {
    id: 'sweep',
    title: 'Sweep',
    blurb: "The paper's noise -> layer -> head search with the random-init control and the Han CNN; resumes after a reload.",
    component: lazy(() => import('./sweep/SweepPage.tsx').then((m) => ({ default: m.SweepPage }))),
  },
  {
    id: 'compare',
    title: 'Compare',
    blurb: 'Class-wise F1 of saved probes against the Han et al. CNN trained here, with the published IRMAS figures.',
    component: lazy(() => import('./compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage }))),
  },
  {
    id: 'models',
    title: 'Models',
    blurb: 'The shipped models and their cards, the random-init controls, your own converted model or checkpoint; denoise and sample.',
    component: lazy(() => import('./models/ModelsPage.tsx').then((m) => ({ default: m.ModelsPage }))),
  },
  {
    id: 'data',
    title: 'Data',
    blurb: 'Render the built-in IRMAS-like corpus in this browser (resumable), browse and play its clips, import IRMAS or OpenPIR.',
    component: lazy(() => import('./data/DataPage.tsx').then((m) => ({ default: m.DataPage }))),
  },
];

export const DEFAULT_PAGE_ID = 'clip';

export function findPage(id: string | null): PageEntry {
  return PAGES.find((p) => p.id === id) ?? PAGES.find((p) => p.id === DEFAULT_PAGE_ID)!;
}
