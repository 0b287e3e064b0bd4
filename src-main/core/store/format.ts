/**
 * The text of a `.folio/` file, laid out for git's line merge: the top object and the objects in it that hold
 * lists or objects (`metadata`, `correction`) are written open, one key per line; every list item, and
 * every other value, is compact JSON on one line, so two editors' additions to a list meet no shared line
 * unless they land side by side. An empty list is `[]`; the file ends with a newline. Keys come in the order
 * the value has them (the schema's, once parsed).
 */
export function toLineJson(value: object): string {
  return `${layout(value, 0, '')}\n`;
}

const INDENT = '  ';

function layout(value: unknown, depth: number, indent: string): string {
  const inner = indent + INDENT;
  if (Array.isArray(value) && depth > 0) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + compact(item)).join(',\n')}\n${indent}]`;
  }
  if (isOpen(value, depth)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${layout(v, depth + 1, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return compact(value);
}

/** The top object, and an object in it that holds lists or objects. */
function isOpen(value: unknown, depth: number): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (depth === 0) return true;
  return depth === 1 && Object.values(value).some((v) => v !== null && typeof v === 'object');
}

function compact(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
