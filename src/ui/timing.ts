// Performance marks for "time to interactive" of the first page: the backend is shown and the
// demo log-mel is drawn. `lab-interactive` is marked once, when both have happened.
const seen = new Set<string>();

export function markOnce(name: 'backend-shown' | 'mel-drawn'): void {
  if (seen.has(name)) return;
  seen.add(name);
  performance.mark(name);
  if (seen.has('backend-shown') && seen.has('mel-drawn') && !seen.has('lab-interactive')) {
    seen.add('lab-interactive');
    performance.mark('lab-interactive');
  }
}
