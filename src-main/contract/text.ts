// Pure text helpers the renderer shares with the core, so both count offsets the same way.
export { CodePointIndex } from '../core/text/codepoints';
