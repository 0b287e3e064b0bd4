import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { OffsetMap } from './document';

/** A range of the text to mark: an annotation, debris, a caption or evidence (UTF-16 offsets in the text). */
export interface Highlight {
  start: number;
  end: number;
  className: string;
  attributes?: Record<string, string>;
  /** Attributes of the first line's piece only (a label drawn where the span begins). */
  startAttributes?: Record<string, string>;
}

const key = new PluginKey<DecorationSet>('folio-highlights');

/** Keeps highlights on their words while the text is edited, by mapping them through every transaction. */
export function highlightsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const replacement = tr.getMeta(key) as DecorationSet | undefined;
        return replacement ?? set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

/** A transaction that replaces every highlight. */
export function setHighlights(state: EditorState, offsets: OffsetMap, highlights: Highlight[]): Transaction {
  const decorations = highlights
    .filter((h) => h.end > h.start)
    .flatMap((h) => splitAtLines(state, offsets, h));
  return state.tr.setMeta(key, DecorationSet.create(state.doc, decorations)).setMeta('addToHistory', false);
}

/** The current highlights' ranges by class, mapped through any edits since they were set (document positions). */
export function currentHighlights(state: EditorState): Decoration[] {
  return key.getState(state)?.find() ?? [];
}

function splitAtLines(state: EditorState, offsets: OffsetMap, highlight: Highlight): Decoration[] {
  // Inline decorations cannot cross a line boundary; one per line keeps a multi-line span highlighted.
  const from = offsets.toPos(highlight.start);
  const to = offsets.toPos(highlight.end);
  const decorations: Decoration[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const start = Math.max(from, pos + 1);
    const end = Math.min(to, pos + 1 + node.content.size);
    if (end > start) {
      const lead = decorations.length === 0 ? highlight.startAttributes : undefined;
      decorations.push(
        Decoration.inline(start, end, { class: highlight.className, ...highlight.attributes, ...lead }),
      );
    }
    return false;
  });
  return decorations;
}
