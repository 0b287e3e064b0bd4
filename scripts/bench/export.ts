import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../../src-main/core';
import { exportReports, type ExportFormatName } from '../../src-main/core/export';
import type { Measurement } from './rows';
import { collectGarbage, timeAsync } from './timing';

const FORMATS: readonly ExportFormatName[] = ['jsonl', 'csv'];

/**
 * Times exporting every report as JSONL and as CSV with the core's `exportReports` (a folder with its manifest),
 * each beside the floor: writing the same bytes, every file of the export concatenated, with one `fs.writeFile`.
 */
export async function measureExport(corpus: Corpus, outDir: string, runs: number): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const format of FORMATS) {
    const out = path.join(outDir, format);
    const times: number[] = [];
    const floor: number[] = [];
    let files = 0;
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      collectGarbage();
      times.push(
        await timeAsync(async () => {
          const summary = await exportReports(corpus, {
            selection: { kind: 'all' },
            format,
            out,
            force: true,
          });
          files = summary.files.length;
        }),
      );
      const content = Buffer.concat(
        await Promise.all((await fs.readdir(out)).map((name) => fs.readFile(path.join(out, name)))),
      );
      bytes = content.length;
      collectGarbage();
      floor.push(await timeAsync(() => fs.writeFile(path.join(outDir, `floor.${format}`), content)));
    }
    measurements.push({
      id: `export-${format}`,
      what: `export whole corpus as ${format}`,
      samples: { values: times },
      reference: { what: 'one fs.writeFile of the bytes', samples: { values: floor } },
      note: `exportReports to a folder: ${files} file(s) and manifest.json, ${(bytes / 1024 / 1024).toFixed(1)} MB in all`,
    });
  }
  return measurements;
}
