import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { docFromText, OffsetMap, textFromDoc } from './document';
import { highlightsPlugin, setHighlights, type Highlight } from './highlights';

/** What the editor tells the reader: text edits, and a request to annotate the selection. */
export interface EditorCallbacks {
  /** The text changed (edit mode only). */
  onTextChange(text: string): void;
  /** A label key (1–9) was pressed over a selection; offsets are UTF-16 in the current text. */
  onLabelKey(key: string, start: number, end: number): void;
  /** The selection or caret moved (UTF-16 offsets in the current text). */
  onSelect(start: number, end: number): void;
}

/**
 * The report as a ProseMirror document: read mode lets the editor select and annotate but refuses edits;
 * edit mode is a plain-text editor with undo. Highlights (annotations, debris, captions) follow the words.
 */
export class ReportEditorController {
  readonly view: EditorView;
  private editable = false;
  private offsets: OffsetMap;

  constructor(
    mount: HTMLElement,
    text: string,
    private readonly callbacks: EditorCallbacks,
  ) {
    const state = this.createState(text);
    this.offsets = new OffsetMap(state.doc);
    this.view = new EditorView(mount, {
      state,
      attributes: {
        class: 'report-text',
        lang: 'vi',
        role: 'textbox',
        'aria-multiline': 'true',
        spellcheck: 'false',
      },
      dispatchTransaction: (tr) => {
        const next = this.view.state.apply(tr);
        this.view.updateState(next);
        if (tr.docChanged) {
          this.offsets = new OffsetMap(next.doc);
          this.callbacks.onTextChange(textFromDoc(next.doc));
        }
        if (tr.selectionSet || tr.docChanged) {
          const { start, end } = this.selection();
          this.callbacks.onSelect(start, end);
        }
      },
      handleKeyDown: (view, event) => {
        const label =
          /^[1-9]$/.test(event.key) && (!this.editable || event.altKey) && !event.ctrlKey && !event.metaKey;
        if (!label || view.state.selection.empty) return false;
        const { start, end } = this.selection();
        this.callbacks.onLabelKey(event.key, start, end);
        // The span is labelled: a selection left behind would take the next key, or a drag inside it.
        view.dispatch(
          view.state.tr.setSelection(TextSelection.create(view.state.doc, view.state.selection.to)),
        );
        return true;
      },
    });
  }

  private createState(text: string): EditorState {
    const readOnly = new Plugin({ filterTransaction: (tr) => this.editable || !tr.docChanged });
    return EditorState.create({
      doc: docFromText(text),
      plugins: [
        readOnly,
        history(),
        // Read for annotating, the text has no typing to undo: the keys go on to the corpus's history.
        keymap({
          'Mod-z': this.whileEditing(undo),
          'Mod-y': this.whileEditing(redo),
          'Shift-Mod-z': this.whileEditing(redo),
        }),
        keymap(baseKeymap),
        highlightsPlugin(),
      ],
    });
  }

  private whileEditing(command: Command): Command {
    return (state, dispatch) => this.editable && command(state, dispatch);
  }

  /** Replaces the whole text (a different report, or a reload); clears undo history. */
  setText(text: string): void {
    const state = this.createState(text);
    this.offsets = new OffsetMap(state.doc);
    this.view.updateState(state);
  }

  /** Changes the text to `text` as one undoable edit of the part that differs, so highlights follow. */
  replaceText(text: string): void {
    const current = this.text();
    let start = 0;
    while (start < current.length && start < text.length && current[start] === text[start]) start++;
    let end = 0;
    const room = Math.min(current.length, text.length) - start;
    while (end < room && current[current.length - 1 - end] === text[text.length - 1 - end]) end++;
    const from = this.offsets.toPos(start);
    const to = this.offsets.toPos(current.length - end);
    const inserted = docFromText(text.slice(start, text.length - end));
    const wasEditable = this.editable;
    this.editable = true;
    this.view.dispatch(this.view.state.tr.replace(from, to, inserted.slice(1, inserted.content.size - 1)));
    this.editable = wasEditable;
  }

  /** The text as it stands in the editor. */
  text(): string {
    return textFromDoc(this.view.state.doc);
  }

  /** Switches between reading (annotate, no edits) and correcting the text. */
  setEditable(editable: boolean): void {
    this.editable = editable;
    this.view.dom.classList.toggle('editing', editable);
  }

  /** Replaces the highlights; offsets are UTF-16 in the current text. */
  setHighlights(highlights: Highlight[]): void {
    this.view.dispatch(setHighlights(this.view.state, this.offsets, highlights));
  }

  /** The selection as UTF-16 offsets in the text. */
  selection(): { start: number; end: number } {
    const { from, to } = this.view.state.selection;
    return { start: this.offsets.toOffset(from), end: this.offsets.toOffset(to) };
  }

  /** Selects a range and scrolls it to the middle of the view, wherever the focus was. */
  reveal(start: number, end: number): void {
    const from = this.offsets.toPos(start);
    const to = this.offsets.toPos(end);
    // ProseMirror scrolls only to a selection the page has: the focus must come first.
    this.view.focus();
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, from, to)));
    const { node } = this.view.domAtPos(from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
  }

  /** Puts the caret at the start of the text, scrolled to the top, with the focus: a report just opened. */
  focusStart(): void {
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.atStart(this.view.state.doc)));
    this.view.focus();
    this.view.dom.closest('.document')?.scrollTo({ top: 0 });
  }

  /** Deletes ranges (UTF-16 offsets) in one undoable step, with their line break when a line empties. */
  deleteRanges(ranges: Array<{ start: number; end: number }>): void {
    if (!this.editable || ranges.length === 0) return;
    const text = this.text();
    let tr = this.view.state.tr;
    for (const range of [...ranges].sort((a, b) => b.start - a.start)) {
      let { start, end } = range;
      const wholeLine =
        (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n');
      // A whole line goes with one line break: the one after it, or before it on the last line.
      if (wholeLine && end < text.length) end++;
      else if (wholeLine && start > 0) start--;
      tr = tr.delete(this.offsets.toPos(start), this.offsets.toPos(end));
    }
    this.view.dispatch(tr);
  }

  /** Undoes or redoes the last edit. */
  undo(): void {
    undo(this.view.state, this.view.dispatch);
  }

  redo(): void {
    redo(this.view.state, this.view.dispatch);
  }

  destroy(): void {
    this.view.destroy();
  }
}
