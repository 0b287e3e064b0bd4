import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src-main/core';
import type { Measurement } from './rows';
import { timeAsync } from './timing';

/** Writers at once on the same reports, and the edits each sends at once, per run. */
const WRITERS = 3;
const EDITS_PER_WRITER = 20;
const REPORTS = 2;

/**
 * Times edits that meet: three open corpora on one folder (as three processes would be) each adding 20 tags at
 * once to the same two reports, beside the same 60 edits sent one after another by one writer. Every edit is
 * then looked for on disk: a lost one fails the bench, since a fast lossy write is no figure at all.
 */
export async function measureConcurrentEdits(corpus: Corpus, runs: number): Promise<Measurement> {
  const ids = corpus.ids().slice(0, REPORTS);
  const writers = [
    corpus,
    ...(await Promise.all(Array.from({ length: WRITERS - 1 }, () => Corpus.open(corpus.root)))),
  ];
  const perEdit = (ms: number) => ms / (WRITERS * EDITS_PER_WRITER);
  const together: number[] = [];
  const alone: number[] = [];
  let lost = 0;
  for (let run = 0; run < runs; run++) {
    const tags = (who: string) =>
      Array.from({ length: EDITS_PER_WRITER }, (_, i) => ({
        id: ids[i % ids.length]!,
        tag: `bench-${run}-${who}-${i}`,
      }));
    const met = writers.map((_, w) => tags(`w${w}`));
    together.push(
      perEdit(
        await timeAsync(() =>
          Promise.all(
            met.flatMap((edits, w) => edits.map((e) => writers[w]!.setTags([e.id], { add: [e.tag] }))),
          ),
        ),
      ),
    );
    const sequential = tags('alone').concat(tags('alone2'), tags('alone3'));
    alone.push(
      perEdit(
        await timeAsync(async () => {
          for (const e of sequential) await corpus.setTags([e.id], { add: [e.tag] });
        }),
      ),
    );
    for (const { id, tag } of [...met.flat(), ...sequential]) {
      if (!tagsOnDisk(corpus.root, id).includes(tag)) lost++;
    }
  }
  // The other writers' background cache saves must not be billed to whatever is measured next.
  await Promise.all(writers.map((writer) => writer.flush()));
  if (lost > 0) throw new Error(`bench: ${lost} concurrent edit(s) reported success but are not on disk`);
  const edits = runs * WRITERS * EDITS_PER_WRITER;
  const sorted = [...together].sort((a, b) => a - b);
  return {
    id: 'concurrent-edits',
    what: `${WRITERS} writers × ${EDITS_PER_WRITER} tags at once on ${REPORTS} reports, per edit`,
    samples: { values: together },
    reference: { what: 'the same edits one after another, one writer', samples: { values: alone } },
    note: `${Math.round(1000 / sorted[Math.floor(sorted.length / 2)]!)} edits/s; lost 0 of ${edits * 2} (each checked on disk); every edit takes the report's lock and fsyncs its sidecar`,
  };
}

function tagsOnDisk(root: string, id: string): string[] {
  return JSON.parse(readFileSync(path.join(root, '.folio', 'reports', `${id}.json`), 'utf8')).tags;
}
