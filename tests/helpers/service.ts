import path from 'node:path';
import { FolioService, type ServiceHost } from '../../src-main/service/folioService';
import { JsonPreferenceStore } from '../../src-main/service/preferences';
import { tempDir } from './corpora';

/** A service with preferences in a temporary file, opened on `corpus`; `host` adds what a shell offers. */
export async function openService(
  corpus: string,
  host: Omit<ServiceHost, 'preferences'> = {},
): Promise<FolioService> {
  const service = new FolioService({
    preferences: new JsonPreferenceStore(path.join(tempDir(), 'preferences.json')),
    ...host,
  });
  await service.open(corpus);
  return service;
}
