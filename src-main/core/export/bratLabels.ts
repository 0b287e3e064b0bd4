import type { Label } from '../store/schema';

/**
 * brat-safe type names for a label set, in label order: ASCII letters, digits, `_` and `-`, starting with a
 * letter ("Document reference" → "Document_reference", "Địa danh" → "Dia_danh"); clashes get a number.
 */
export function bratLabelNames(labels: readonly Label[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const label of labels) {
    const base = bratSafe(label.name);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    names.set(label.name, name);
  }
  return names;
}

function bratSafe(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(ascii) ? ascii : `L_${ascii}`;
}
