/** Where the reviewer is among a report's changes: on change `current`, or, with none current, before `resume`. */
export interface ChangePosition {
  current: number | null;
  resume: number;
}

/** Before the first change, none current: where a report's review starts. */
export const START: ChangePosition = { current: null, resume: 0 };

/** The change `delta` steps from `position` among `count` changes, or null past either end. */
export function stepChange(position: ChangePosition, delta: 1 | -1, count: number): number | null {
  const target =
    position.current === null ? position.resume + (delta > 0 ? 0 : -1) : position.current + delta;
  return target >= 0 && target < count ? target : null;
}

/** `position` kept inside `count` changes, as when the text changed elsewhere and fewer are left. */
export function clampPosition(position: ChangePosition, count: number): ChangePosition {
  if (position.current !== null && position.current < count) return position;
  return { current: null, resume: Math.min(position.current ?? position.resume, count) };
}

/**
 * The position once the changes `reverted` are gone and those after them renumbered: still on the current
 * change when it stays, else none current, before the first change that followed the reverted ones.
 */
export function afterRevert(position: ChangePosition, reverted: number[]): ChangePosition {
  const { current } = position;
  if (current !== null && !reverted.includes(current)) {
    const moved = current - reverted.filter((change) => change < current).length;
    return { current: moved, resume: moved };
  }
  return { current: null, resume: reverted.length > 0 ? Math.min(...reverted) : position.resume };
}
