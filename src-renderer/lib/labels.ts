// The corpus's labels as the interface shows them: each by its name in the interface language, while
// annotations, filters and exports keep the stable name.

import type { Label, LabelChange } from '../../src-main/contract/operations';
import { LABEL_KEYS } from '../../src-main/contract/vocabulary';
import { ApiError } from './api/client';
import { pluralForm } from './plural';

/** An interface language, as the labels' display names are keyed. */
export type LabelLanguage = 'vi' | 'en';

/** Colours a new label is given, in order, skipping those the set already uses. */
const PALETTE = [
  '#5c940d',
  '#f08c00',
  '#3b5bdb',
  '#e03131',
  '#087f5b',
  '#ae3ec9',
  '#1098ad',
  '#a61e4d',
  '#495057',
];

/** The label of the set named `name` (its stable name, in any case); null when the set has none. */
export function findLabel(name: string, labels: readonly Label[]): Label | null {
  return (
    labels.find((l) => l.name === name) ??
    labels.find((l) => l.name.toLowerCase() === name.toLowerCase()) ??
    null
  );
}

/**
 * The name a label is shown by in `language`: its display name there, else its stable name. Given a stable
 * name (as an annotation stores it), the label is looked up in `labels`; a name the set does not have is
 * shown as it is.
 */
export function labelName(label: Label | string, labels: readonly Label[], language: LabelLanguage): string {
  const found = typeof label === 'string' ? findLabel(label, labels) : label;
  if (!found) return label as string;
  return found.names?.[language]?.trim() || found.name;
}

/** The colour of the label named `name`; a neutral grey for a name the set does not have. */
export function labelColour(name: string, labels: readonly Label[]): string {
  return findLabel(name, labels)?.color ?? '#888888';
}

/** Which label each key applies, by key (`1`–`9`). */
export function keyOwners(labels: readonly Label[]): Map<string, Label> {
  const owners = new Map<string, Label>();
  for (const label of labels) if (label.key !== null && !owners.has(label.key)) owners.set(label.key, label);
  return owners;
}

/**
 * The change that adds a label typed as `name` in `language`: that is both its stable name and its display
 * name there; it gets a colour and a key the set does not use yet (no key when all nine are taken).
 */
export function newLabel(name: string, labels: readonly Label[], language: LabelLanguage): LabelChange {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const used = new Set(labels.map((l) => l.color.toLowerCase()));
  const taken = keyOwners(labels);
  return {
    kind: 'add',
    label: {
      name: clean,
      names: { [language]: clean },
      color: PALETTE.find((c) => !used.has(c)) ?? PALETTE[labels.length % PALETTE.length]!,
      key: LABEL_KEYS.find((k) => !taken.has(k)) ?? null,
    },
  };
}

/**
 * A refused label change with the labels its parameters name shown by their display names, and the plural
 * form of its count as its `problem`, so the interface's sentence for it reads in one language; any other
 * error as it is.
 */
export function withShownLabels(error: unknown, labels: readonly Label[], language: LabelLanguage): unknown {
  if (!(error instanceof ApiError) || !error.params?.reason.startsWith('label-')) return error;
  const params = { ...error.params };
  for (const field of ['label', 'other'] as const) {
    const value = params[field];
    if (typeof value === 'string') params[field] = labelName(value, labels, language);
  }
  if (typeof params.count === 'number') params.problem = pluralForm(language, params.count);
  return new ApiError(error.code, error.message, params);
}
