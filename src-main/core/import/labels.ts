import { bratLabelNames } from '../export/bratLabels';
import type { Label } from '../store/schema';

/**
 * Finds the corpus label an imported label stands for: the same name in any case, or the brat-safe name the
 * brat and CoNLL exports give it ("Document_reference"); null when the corpus has no such label.
 */
export function labelMatcher(labels: readonly Label[]): (label: string) => string | null {
  const byKey = new Map<string, string>();
  for (const [name, safe] of bratLabelNames(labels)) byKey.set(safe.toLowerCase(), name);
  for (const label of labels) byKey.set(label.name.normalize('NFC').toLowerCase(), label.name);
  return (label) => byKey.get(label.normalize('NFC').toLowerCase()) ?? null;
}
