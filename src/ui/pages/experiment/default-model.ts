// The model a page starts with when the URL names none: the preferred shipped model
// (state/models.ts preferredModel: model-a, else student-v1, else the first), else the quick
// random-init tiny U-Net.
import { useEffect } from 'react';
import { preferredModel } from '../../state/models.ts';
import { viewParam } from '../../url-state.ts';
import { useLabOptions } from './lab-options.ts';

export const FALLBACK_MODEL = 'random-init:tiny';

export function useDefaultModel(urlKey: string | null, apply: (model: string) => void): void {
  const { loaded, shipped, load } = useLabOptions();
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!loaded || shipped.length === 0) return;
    if (urlKey !== null && viewParam(urlKey) !== null) return;
    apply(preferredModel(shipped)!);
    // Once, when the options arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
}
