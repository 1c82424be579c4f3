// A raw probability in words, so a low one never reads as an answer.
export function confidenceWords(p: number, who = 'the probe'): string {
  if (p < 0.3) return `low: ${who} is guessing`;
  if (p < 0.5) return 'below even odds: unsure';
  if (p < 0.8) return 'likely, not certain';
  return 'confident';
}
