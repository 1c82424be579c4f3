// The 11 IRMAS instrument classes, their names, and the aliases the importers accept.
// Shared by the renderer (which labels clips with these codes) and the dataset readers.

export const IRMAS_CLASSES = ['cel', 'cla', 'flu', 'gac', 'gel', 'org', 'pia', 'sax', 'tru', 'vio', 'voi'] as const;

export type IrmasClass = (typeof IRMAS_CLASSES)[number];

export const CLASS_NAMES: Readonly<Record<IrmasClass, string>> = {
  cel: 'cello',
  cla: 'clarinet',
  flu: 'flute',
  gac: 'acoustic guitar',
  gel: 'electric guitar',
  org: 'organ',
  pia: 'piano',
  sax: 'saxophone',
  tru: 'trumpet',
  vio: 'violin',
  voi: 'voice',
};

export function isIrmasClass(s: string): s is IrmasClass {
  return (IRMAS_CLASSES as readonly string[]).includes(s);
}

/** Index of a class in IRMAS_CLASSES (the order of every label vector in the lab). */
export function classIndex(c: IrmasClass): number {
  return IRMAS_CLASSES.indexOf(c);
}

const ALIASES: Record<string, IrmasClass> = {
  cello: 'cel',
  clarinet: 'cla',
  flute: 'flu',
  'acoustic guitar': 'gac',
  acoustic_guitar: 'gac',
  'acoustic-guitar': 'gac',
  'electric guitar': 'gel',
  electric_guitar: 'gel',
  'electric-guitar': 'gel',
  organ: 'org',
  piano: 'pia',
  saxophone: 'sax',
  sax: 'sax',
  trumpet: 'tru',
  violin: 'vio',
  voice: 'voi',
  vocals: 'voi',
  singing: 'voi',
};

/**
 * Maps a label as written in a dataset (an IRMAS code such as "cla", or a name such as
 * "Clarinet" or "acoustic_guitar") to its class, or undefined when it is not an IRMAS class.
 */
export function toIrmasClass(label: string): IrmasClass | undefined {
  const s = label.trim().toLowerCase();
  if (isIrmasClass(s)) return s;
  return ALIASES[s] ?? ALIASES[s.replace(/\s+/g, ' ')];
}
