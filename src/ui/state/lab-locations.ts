// Where the app's own files are, as absolute same-origin URLs for the worker (whose own URL is
// under assets/): the app's base, its models/ folder and its sound banks.
export const appBase = (): string => new URL('./', document.baseURI).href;
export const modelsBase = (): string => new URL('models/', appBase()).href;
export const bankBase = (): string => new URL('banks/', appBase()).href;

/** An error's message for display. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
