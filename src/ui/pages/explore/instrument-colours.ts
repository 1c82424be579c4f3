// One colour per IRMAS class for the projection scatter (distinguishable, colour-blind aware
// where 11 colours allow), with the class names for the legend.
export const CLASS_COLOURS: Record<string, string> = {
  cel: '#1f77b4', cla: '#ff7f0e', flu: '#2ca02c', gac: '#d62728', gel: '#9467bd', org: '#8c564b',
  pia: '#e377c2', sax: '#7f7f7f', tru: '#bcbd22', vio: '#17becf', voi: '#000000',
};

export const CLASS_TITLES: Record<string, string> = {
  cel: 'cello', cla: 'clarinet', flu: 'flute', gac: 'acoustic guitar', gel: 'electric guitar', org: 'organ',
  pia: 'piano', sax: 'saxophone', tru: 'trumpet', vio: 'violin', voi: 'voice',
};
