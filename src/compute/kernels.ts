// Kernels TensorFlow.js backends lack that the lab needs (e.g. WASM Conv2DBackpropFilter
// for training). Registered once, before a backend is used. Filled in by the training work.
let registered = false;

export function registerMissingKernels(): void {
  if (registered) return;
  registered = true;
}
