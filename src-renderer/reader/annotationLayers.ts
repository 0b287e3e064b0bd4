/** An annotation as the reader draws it: UTF-16 offsets in the shown text. */
export interface DrawnAnnotation {
  id: string;
  label: string;
  start: number;
  end: number;
}

/** A stretch of text covered by the same annotations, outermost first; `starting` are those that begin here. */
export interface Layer<A extends DrawnAnnotation = DrawnAnnotation> {
  start: number;
  end: number;
  covering: A[];
  starting: A[];
}

/** Document order, and at one point the longer annotation first, so the outer one is met before the inner. */
export function byPosition(a: DrawnAnnotation, b: DrawnAnnotation): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Cuts the text at every annotation's edges, so that each stretch can show every annotation over it (stacked
 * bands) rather than one colour hiding the others where spans overlap.
 */
export function layersOf<A extends DrawnAnnotation>(annotations: A[]): Layer<A>[] {
  const spans = annotations.filter((a) => a.end > a.start).sort(byPosition);
  const edges = [...new Set(spans.flatMap((a) => [a.start, a.end]))].sort((a, b) => a - b);
  const layers: Layer<A>[] = [];
  let active: A[] = [];
  let next = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i]!, edges[i + 1]!];
    active = active.filter((a) => a.end > start);
    const starting: A[] = [];
    while (next < spans.length && spans[next]!.start === start) starting.push(spans[next++]!);
    active = [...active, ...starting].sort(byPosition);
    if (active.length > 0) layers.push({ start, end, covering: active, starting });
  }
  return layers;
}

/** The annotations over a point of the text (a caret between two characters counts the one after it). */
export function annotationsAt<A extends DrawnAnnotation>(annotations: A[], offset: number): A[] {
  return annotations.filter((a) => a.start <= offset && offset < a.end).sort(byPosition);
}
