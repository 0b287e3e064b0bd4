import path from 'node:path';
import { FolioService } from '../../src-main/service/folioService';
import { JsonPreferenceStore } from '../../src-main/service/preferences';
import { tempDir } from './corpora';

/** A service with preferences in a temporary file, opened on `corpus`. */
export async function openService(corpus: string): Promise<FolioService> {
  const service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(tempDir(), 'preferences.json')),
  });
  await service.open(corpus);
  return service;
}
