/** A run of differences: `a[from, to)` replaced by `b[newFrom, newTo)`. */
export interface SequenceChange {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/**
 * The shortest edit script between two sequences of token ids (Myers' O(ND) algorithm), as runs of
 * differences; null when it would take more than `maxEdits` insertions and deletions or run past `deadline`
 * (a `performance.now()` time), so the caller can fall back to something coarser. Integer arrays keep the
 * inner loop to comparisons of numbers, many times faster than comparing token strings.
 */
export function diffSequences(
  a: Int32Array,
  b: Int32Array,
  maxEdits: number,
  deadline = Infinity,
): SequenceChange[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const middle = limit + 1;
  // v[middle + k]: the furthest x reached on diagonal k = x - y.
  const v = new Int32Array(2 * limit + 3);
  // The state before each round, for walking the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    if ((d & 63) === 63 && performance.now() > deadline) return null;
    trace.push(v.slice(middle - d - 1, middle + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[middle + k - 1]! < v[middle + k + 1]!)
          ? v[middle + k + 1]!
          : v[middle + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[middle + k] = x;
      if (x >= n && y >= m) return changesAlong(trace, d, n, m);
    }
  }
  return null;
}

/** Walks the path of `d` edits back from the end and gathers its non-diagonal steps into runs. */
function changesAlong(trace: Int32Array[], edits: number, n: number, m: number): SequenceChange[] {
  // Each edit as the point it starts from and whether it deletes (moves along a) or inserts (along b).
  const steps: Array<{ x: number; y: number; deletes: boolean }> = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const inserts = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = inserts ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    steps.push({ x: previousX, y: previousY, deletes: !inserts });
    x = previousX;
    y = previousY;
  }
  steps.reverse();
  const changes: SequenceChange[] = [];
  for (const step of steps) {
    const last = changes.at(-1);
    // An edit starting where the previous run ends extends it; any equal token between starts a new run.
    const change =
      last && last.to === step.x && last.newTo === step.y
        ? last
        : changes[changes.push({ from: step.x, to: step.x, newFrom: step.y, newTo: step.y }) - 1]!;
    if (step.deletes) change.to++;
    else change.newTo++;
  }
  return changes;
}
