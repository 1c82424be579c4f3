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
    blurb: 'Drop an audio file and see its waveform and log-mel: the picture every other page starts from.',
    component: lazy(() => import('./ClipPage.tsx').then((m) => ({ default: m.ClipPage }))),
  },
  {
    id: 'explore',
    title: 'Explore',
    blurb: 'See what a diffusion U-Net makes of a clip: the noised mel, its one-step repair, the activations at any layer, and where the instruments separate.',
    component: lazy(() => import('./explore/ExplorePage.tsx').then((m) => ({ default: m.ExplorePage }))),
  },
  {
    id: 'probe',
    title: 'Probe',
    blurb: 'Train a small probe on the U-Net’s activations at one noise level and layer, watch it learn, and save it.',
    component: lazy(() => import('./probe/ProbePage.tsx').then((m) => ({ default: m.ProbePage }))),
  },
  {
    id: 'recognize',
    title: 'Recognize',
    blurb: 'Drop recordings (or try the example) and see how probable each instrument is, over time, from the shipped probe and the Han CNN side by side.',
    component: lazy(() => import('./recognize/RecognizePage.tsx').then((m) => ({ default: m.RecognizePage }))),
  },
  {
    id: 'sweep',
    title: 'Sweep',
    blurb: "The paper’s search: best noise level, then layer, then probe head, against the random-init control and the Han CNN.",
    component: lazy(() => import('./sweep/SweepPage.tsx').then((m) => ({ default: m.SweepPage }))),
  },
  {
    id: 'compare',
    title: 'Compare',
    blurb: 'How well saved probes name each instrument, next to the Han et al. CNN trained on the same data.',
    component: lazy(() => import('./compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage }))),
  },
  {
    id: 'models',
    title: 'Models',
    blurb: 'The models and probe the lab ships, with their cards; load or train your own; see a model denoise and sample.',
    component: lazy(() => import('./models/ModelsPage.tsx').then((m) => ({ default: m.ModelsPage }))),
  },
  {
    id: 'data',
    title: 'Data',
    blurb: 'The labelled clips the lab learns from: a small set is made in this browser at once; render more, listen, or import IRMAS.',
    component: lazy(() => import('./data/DataPage.tsx').then((m) => ({ default: m.DataPage }))),
  },
];

export const DEFAULT_PAGE_ID = 'clip';

export function findPage(id: string | null): PageEntry {
  return PAGES.find((p) => p.id === id) ?? PAGES.find((p) => p.id === DEFAULT_PAGE_ID)!;
}
