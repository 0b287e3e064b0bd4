// The module resolution hook (Node's `module.register`) that gives the app's main process the stand-in wherever
// it, or a package it loads (electron-store), imports `electron`.

let standIn = '';

/** Receives the stand-in's URL from the bootstrap. */
export async function initialize(data: { standIn: string }): Promise<void> {
  standIn = data.standIn;
}

type Next = (specifier: string, context: unknown) => Promise<{ url: string }>;

/** Resolves `electron` (and `electron/main`) to the stand-in; everything else as Node would. */
export async function resolve(specifier: string, context: unknown, next: Next) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: standIn, shortCircuit: true };
  return next(specifier, context);
}
