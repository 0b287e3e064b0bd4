/**
 * Where the analysis worker's script is: beside the main bundle, or, in a packaged app, in the folder
 * electron-builder unpacks from the asar archive (`asarUnpack`), since worker threads load their script
 * from the real file system.
 */
export function analysisWorkerUrl(mainBundleUrl: string): URL {
  return new URL(
    new URL('./analyze-worker.js', mainBundleUrl).href.replace('/app.asar/', '/app.asar.unpacked/'),
  );
}
