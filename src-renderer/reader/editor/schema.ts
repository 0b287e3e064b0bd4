import { Schema } from 'prosemirror-model';

/**
 * One paragraph per line of the report, so the document and the plain text map 1:1 (a line break is a
 * paragraph boundary) and offsets convert exactly in both directions.
 */
export const reportSchema = new Schema({
  nodes: {
    doc: { content: 'line+' },
    line: {
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', { class: 'line' }, 0],
    },
    text: {},
  },
  marks: {},
});
