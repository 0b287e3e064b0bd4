import { FolioError } from '../errors';

/** The versions of a file that git left with conflict markers in it. */
export interface ConflictHalves {
  ours: string;
  theirs: string;
  /** The common ancestor, when git wrote it (`merge.conflictStyle diff3` or `zdiff3`), else null. */
  base: string | null;
}

const OPEN = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const SPLIT = /^={7}$/;
const CLOSE = /^>{7}(?: |$)/;

/** True when `text` holds a git conflict region: `<<<<<<< `, `=======` and `>>>>>>> ` at line starts. */
export function hasConflictMarkers(text: string): boolean {
  return /^<{7}(?: |\r?$)/m.test(text) && /^={7}\r?$/m.test(text) && /^>{7}(?: |\r?$)/m.test(text);
}

/**
 * Splits a file git left with conflict markers into ours and theirs (and the base, when every region has a
 * `|||||||` section): lines outside the regions belong to all of them. Throws a `FolioError` naming the
 * line when the markers do not pair up.
 */
export function splitConflictMarkers(text: string, file = 'file'): ConflictHalves {
  const halves = { ours: '', theirs: '', base: '' };
  let baseComplete = true;
  let section: 'outside' | 'ours' | 'base' | 'theirs' = 'outside';
  let sawBase = false;
  const lines = text.split(/(?<=\n)/);
  const unbalanced = (index: number, why: string) =>
    new FolioError('corrupt-sidecar', `${file}: line ${index + 1}: ${why}`, file);
  lines.forEach((line, index) => {
    const bare = line.replace(/\r?\n$/, '');
    if (section === 'outside') {
      if (OPEN.test(bare)) {
        section = 'ours';
        sawBase = false;
      } else {
        halves.ours += line;
        halves.theirs += line;
        halves.base += line;
      }
    } else if (section !== 'theirs' && BASE.test(bare)) {
      if (section === 'base') throw unbalanced(index, 'a second "|||||||" in one conflict region');
      section = 'base';
      sawBase = true;
    } else if (section !== 'theirs' && SPLIT.test(bare)) {
      section = 'theirs';
      baseComplete &&= sawBase;
    } else if (CLOSE.test(bare)) {
      if (section !== 'theirs') throw unbalanced(index, '">>>>>>>" before "======="');
      section = 'outside';
    } else if (OPEN.test(bare)) {
      throw unbalanced(index, 'a conflict region opened inside another');
    } else {
      halves[section] += line;
    }
  });
  if (section !== 'outside') throw unbalanced(lines.length - 1, 'a conflict region that is never closed');
  return { ours: halves.ours, theirs: halves.theirs, base: baseComplete ? halves.base : null };
}
