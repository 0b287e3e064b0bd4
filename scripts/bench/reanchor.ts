import { CodePointIndex, DEFAULT_LABELS, type Corpus } from '../../src-main/core';
import type { StoredAnnotation } from '../../src-main/core/store/schema';
import { SidecarStore } from '../../src-main/core/store/sidecars';
import { reanchor } from '../../src-main/core/text/reanchor';
import type { Measurement } from './rows';
import { timeAsync, timeSync } from './timing';

/** Annotations on the report whose re-anchoring is timed. */
const ANNOTATIONS = 1000;
const EDITOR = 'Folio bench';
const SAVES_PER_RUN = 5;
const WARM_UP_SAVES = 3;
const MAPPINGS_PER_RUN = 20;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Gives the longest of the first reports 1,000 annotations, one per word spread over the text, and returns its
 * id. One annotation goes through `addAnnotation`; the rest are written into its sidecar with the core's
 * `SidecarStore`, because a thousand `addAnnotation` calls would each rewrite the growing sidecar.
 * Corpora opened afterwards see them.
 */
export async function annotateOneReport(corpus: Corpus): Promise<string> {
  const candidates = corpus.ids().slice(0, 50);
  const id = candidates.reduce((best, next) =>
    corpus.report(next).text.length > corpus.report(best).text.length ? next : best,
  );
  const text = corpus.report(id).text;
  const index = new CodePointIndex(text);
  const words = [...text.matchAll(WORD)];
  const first = words[0];
  if (!first) throw new Error(`bench: report "${id}" has no words to annotate`);
  const at = (utf16: number) => index.toCodePoint(utf16);
  await corpus.addAnnotation(
    id,
    { start: at(first.index), end: at(first.index + first[0].length), label: DEFAULT_LABELS[0]!.name },
    EDITOR,
  );
  const store = new SidecarStore(corpus.root);
  const loaded = await store.readState(id, () => {
    throw new Error(`bench: the sidecar of "${id}" is missing right after addAnnotation`);
  });
  const template = loaded.state.annotations[0]!;
  loaded.state.annotations = Array.from({ length: ANNOTATIONS }, (_, i): StoredAnnotation => {
    const word = words[Math.floor((i * words.length) / ANNOTATIONS)]!;
    return {
      ...template,
      id: `bench-${i}`,
      start: at(word.index),
      end: at(word.index + word[0].length),
      label: DEFAULT_LABELS[i % DEFAULT_LABELS.length]!.name,
      quote: word[0],
    };
  });
  await store.writeState(loaded.state, loaded.revision);
  return id;
}

/**
 * Times re-anchoring the 1,000 annotations of report `id` through a one-word edit, two ways: end to end through
 * `corpus.saveCorrection` (read, re-anchor, validate and write the sidecar atomically, re-extract, re-index),
 * and the core's `reanchor` alone (the diff, the mapping, code point conversion and quotes, nothing written).
 */
export async function measureReanchor(
  corpus: Corpus,
  id: string,
  runs: number,
): Promise<{ measurements: Measurement[]; kept: number; orphaned: number }> {
  // Timed once the corpus has settled (its cache saved) and the code is warm, as when an editor has been
  // reading a report for a while; the first saves after an open pay for compiling and for the open's own work.
  await corpus.flush();
  for (let i = 0; i < WARM_UP_SAVES; i++) {
    await corpus.saveCorrection(id, insertWord(corpus.report(id).text, 1000 + i), EDITOR);
  }
  const saves: number[] = [];
  for (let i = 0; i < runs * SAVES_PER_RUN; i++) {
    const edited = insertWord(corpus.report(id).text, i);
    saves.push(await timeAsync(() => corpus.saveCorrection(id, edited, EDITOR)));
  }
  const after = corpus.report(id);
  const before = after.text;
  const spans = after.annotations;
  const mapAll = (edited: string) => reanchor(spans, before, edited);
  // One unmeasured call first, so the first compilation is not billed to the mapping.
  mapAll(insertWord(before, 0));
  const mappings: number[] = [];
  for (let i = 0; i < runs * MAPPINGS_PER_RUN; i++) {
    const edited = insertWord(before, i);
    mappings.push(timeSync(() => mapAll(edited)));
  }
  return {
    kept: spans.length,
    orphaned: spans.filter((a) => a.orphaned).length,
    measurements: [
      {
        id: 'reanchor-save',
        what: `re-anchor ${ANNOTATIONS.toLocaleString('en-US')} annotations: saveCorrection`,
        samples: { values: saves, latency: true },
        note: 'end to end after 3 untimed saves: read, re-anchor, write the sidecar atomically (fsync), re-extract, re-index',
      },
      {
        id: 'reanchor-mapping',
        what: `re-anchor ${ANNOTATIONS.toLocaleString('en-US')} annotations: mapping alone`,
        samples: { values: mappings, latency: true },
        note: "the core's reanchor (diffTexts, ChangeMapping.forward, mapSpan, code point conversion, quotes); nothing written",
      },
    ],
  };
}

/** The text with one word inserted after its `n`-th word (counting round), as an editor's small fix. */
function insertWord(text: string, n: number): string {
  const words = [...text.matchAll(WORD)];
  const word = words[(n * 37 + 11) % words.length];
  if (!word) return `${text} mới`;
  const end = word.index + word[0].length;
  return `${text.slice(0, end)} mới${text.slice(end)}`;
}
