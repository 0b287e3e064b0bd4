import { describe, expect, it } from 'vitest';
import { analysisWorkerUrl } from '../../src-main/electron/worker';

describe('analysisWorkerUrl', () => {
  it('finds the worker beside the main bundle, unpacked from the asar archive in a packaged app', () => {
    expect(analysisWorkerUrl('file:///opt/folio/out/main/index.js').href).toBe(
      'file:///opt/folio/out/main/analyze-worker.js',
    );
    expect(analysisWorkerUrl('file:///opt/Folio/resources/app.asar/out/main/index.js').href).toBe(
      'file:///opt/Folio/resources/app.asar.unpacked/out/main/analyze-worker.js',
    );
  });
});
