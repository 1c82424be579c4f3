// The lab's words that must read the same on every page (tested by tests/e2e/newcomer.spec.ts,
// which greps the rendered text): the random-init control's one name, and the one spelling of
// "recognize" (as the CLI's `recognize` command spells it).

/** The control of model `base`: the same config and mel normalisation with seeded random weights. */
export const controlId = (base: string): string => `random-init:${base}`;

/** How the control is shown wherever it is listed or titled: "random-init:student-v1 (control)". */
export const controlLabel = (base: string): string => `${controlId(base)} (control)`;

/** The one sentence that says what the control is. */
export const CONTROL_MEANING = 'the same config with seeded random weights (PyTorch default init, seed 0): the control every feature result is compared with';

/** A model id as titled in figures: a control id gets "(control)". */
export const modelTitle = (id: string, isControl: boolean): string => (isControl ? `${id} (control)` : id);
