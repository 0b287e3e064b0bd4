import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, by its path relative to `dir`, with its text: two exports compared as a whole. */
export function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, full), readFileSync(full, 'utf8')];
      }),
  );
}
