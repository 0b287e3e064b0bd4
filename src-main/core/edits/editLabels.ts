import { LABEL_KEYS } from '../../contract/vocabulary';
import type { EditVerb } from '../../contract/history';
import type { LabelChange, LabelNames } from '../../contract/types';
import { FolioError } from '../errors';
import type { CorpusSettings, Label } from '../store/schema';
import type { SettingsEdit } from './settings';

/** How many annotations use each label, by name, as the corpus counts them when an edit is applied. */
export type LabelUsage = () => Readonly<Record<string, number>>;

/** The longest stable or display name a label may have, in characters. */
export const MAX_LABEL_NAME = 100;

const LANGUAGES = ['vi', 'en'] as const satisfies ReadonlyArray<keyof LabelNames>;

const VERBS: Record<LabelChange['kind'], EditVerb> = {
  add: 'add-label',
  update: 'change-label',
  move: 'move-label',
  remove: 'remove-label',
};

/**
 * A settings edit that changes the label set: adds, changes, moves or removes one label. A label is named by
 * its stable name in any case; no two labels may share a name (stable or shown in one language) or a key, and
 * a label that annotations use is never removed. `usage` is asked only when a label would be removed.
 */
export function editLabels(change: LabelChange, usage: LabelUsage): SettingsEdit {
  return labelEdit(VERBS[change.kind], change, usage, undefined);
}

/**
 * The edit for `change`; with `expected`, applied only while the label it names is still exactly that (null:
 * still absent), so an undo never takes back a label someone changed since.
 */
function labelEdit(
  verb: EditVerb,
  change: LabelChange,
  usage: LabelUsage,
  expected: Label | null | undefined,
): SettingsEdit {
  return {
    verb,
    apply(settings) {
      // An undo or redo puts back values the set had, a colour or key written by hand included.
      const restoring = expected !== undefined;
      if (restoring) checkUnchanged(settings.labels, nameOf(change), expected);
      return { ...settings, labels: applyChange(settings.labels, change, usage, restoring) };
    },
    inverse: (before, after) => {
      const { undo, name } = inverseOf(change, before, after);
      return labelEdit(verb, undo, usage, labelIn(after.labels, name));
    },
  };
}

/** The label set after `change`; throws a `FolioError` naming the label and the reason when it cannot be made. */
function applyChange(
  labels: readonly Label[],
  change: LabelChange,
  usage: LabelUsage,
  restoring: boolean,
): Label[] {
  const colour = (color: string, label: string) => (restoring ? color : checkColour(color, label));
  const key = (key: string | null, label: string) => (restoring ? key : checkKey(key, label));
  switch (change.kind) {
    case 'add': {
      const name = cleanName(change.label.name, 'stable');
      if (name === '') {
        throw new FolioError('invalid-input', 'a label needs a name', undefined, {
          reason: 'label-name-empty',
        });
      }
      const label: Label = {
        name,
        names: withNames({}, change.label.names),
        color: colour(change.label.color, name),
        key: key(change.label.key, name),
      };
      const position = change.position ?? labels.length + 1;
      checkPosition(position);
      checkUnique(label, labels);
      const next = [...labels];
      next.splice(Math.min(position - 1, next.length), 0, label);
      return next;
    }
    case 'update': {
      const at = indexOf(labels, change.name);
      const current = labels[at]!;
      // Only what the change gives is checked: a hand-written colour it leaves alone stays as it is.
      const label: Label = {
        name: current.name,
        names: withNames(current.names ?? {}, change.names),
        color: change.color === undefined ? current.color : colour(change.color, current.name),
        key: change.key === undefined ? current.key : key(change.key, current.name),
      };
      checkUnique(
        label,
        labels.filter((_, i) => i !== at),
      );
      return labels.map((l, i) => (i === at ? label : l));
    }
    case 'move': {
      checkPosition(change.position);
      const at = indexOf(labels, change.name);
      const next = labels.filter((_, i) => i !== at);
      next.splice(Math.min(change.position - 1, next.length), 0, labels[at]!);
      return next;
    }
    case 'remove': {
      const at = indexOf(labels, change.name);
      const name = labels[at]!.name;
      const count = usageOf(usage(), name);
      if (count > 0) {
        throw new FolioError(
          'invalid-input',
          `label "${name}" is used by ${count} annotation(s); relabel or delete them before removing it`,
          undefined,
          { reason: 'label-in-use', label: name, count },
        );
      }
      return labels.filter((_, i) => i !== at);
    }
  }
}

/** The change that takes `change` back, and the stable name of the label it concerns. */
function inverseOf(
  change: LabelChange,
  before: CorpusSettings,
  after: CorpusSettings,
): { undo: LabelChange; name: string } {
  if (change.kind === 'add') {
    const added = after.labels.find((l) => !labelIn(before.labels, l.name))!;
    return { undo: { kind: 'remove', name: added.name }, name: added.name };
  }
  const at = indexOf(before.labels, change.name);
  const old = before.labels[at]!;
  if (change.kind === 'remove') {
    return { undo: { kind: 'add', label: structuredClone(old), position: at + 1 }, name: old.name };
  }
  if (change.kind === 'move')
    return { undo: { kind: 'move', name: old.name, position: at + 1 }, name: old.name };
  const names = Object.fromEntries(LANGUAGES.map((language) => [language, old.names?.[language] ?? '']));
  return {
    undo: { kind: 'update', name: old.name, names, color: old.color, key: old.key },
    name: old.name,
  };
}

/** `names` with the display names `given` set, in NFC with spaces collapsed; an empty one is taken out. */
function withNames(names: LabelNames, given: LabelNames | undefined): LabelNames {
  const next = { ...names };
  for (const language of LANGUAGES) {
    const raw = given?.[language];
    if (raw === undefined) continue;
    const clean = cleanName(raw, 'display');
    if (clean === '') delete next[language];
    else next[language] = clean;
  }
  return next;
}

/** A colour as `#rrggbb` in lower case; throws for anything else. */
function checkColour(color: string, label: string): string {
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase();
  throw new FolioError(
    'invalid-input',
    `label "${label}": colour "${color}" is not a colour such as #1971c2`,
    undefined,
    { reason: 'label-colour', label, color },
  );
}

/** A key of 1–9, or null for none; throws for anything else. */
function checkKey(key: string | null, label: string): string | null {
  if (key === null || (LABEL_KEYS as readonly string[]).includes(key)) return key;
  throw new FolioError('invalid-input', `label "${label}": key "${key}" is not one of 1–9`, undefined, {
    reason: 'label-key',
    label,
    key,
  });
}

/** Refuses a label whose key, stable name, or name shown in a language another label already has. */
function checkUnique(label: Label, others: readonly Label[]): void {
  for (const other of others) {
    if (label.key !== null && other.key === label.key) {
      throw new FolioError(
        'invalid-input',
        `key ${label.key} already applies label "${other.name}"; free it first or choose another key`,
        undefined,
        { reason: 'label-key-taken', key: label.key, label: label.name, other: other.name },
      );
    }
    const clash =
      same(other.name, label.name) ||
      LANGUAGES.some((language) => same(shownIn(other, language), shownIn(label, language)));
    if (clash) {
      throw new FolioError(
        'invalid-input',
        `label "${other.name}" already has the name "${label.name}" or one of its display names; labels need names of their own`,
        undefined,
        { reason: 'label-name-taken', label: label.name, other: other.name },
      );
    }
  }
}

/** Refuses to apply an undo over a label someone changed since the edit it takes back. */
function checkUnchanged(labels: readonly Label[], name: string, expected: Label | null): void {
  const current = labelIn(labels, name);
  if (JSON.stringify(current) === JSON.stringify(expected)) return;
  throw new FolioError(
    'changed-on-disk',
    `label "${name}" was changed since, so it is left as it is now`,
    undefined,
    { reason: 'changed-since', label: name },
  );
}

function checkPosition(position: number): void {
  if (!Number.isInteger(position) || position < 1) {
    throw new FolioError('invalid-input', `position must be a whole number ≥ 1, not ${position}`);
  }
}

function cleanName(raw: string, kind: 'stable' | 'display'): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if ([...name].length > MAX_LABEL_NAME) {
    throw new FolioError(
      'invalid-input',
      `label ${kind === 'stable' ? 'name' : 'display name'} "${name}" is longer than ${MAX_LABEL_NAME} characters`,
      undefined,
      { reason: 'label-name-too-long', name, max: MAX_LABEL_NAME },
    );
  }
  return name;
}

function indexOf(labels: readonly Label[], name: string): number {
  const at = labels.findIndex((l) => same(l.name, name));
  if (at < 0) {
    throw new FolioError(
      'invalid-input',
      `unknown label "${name}"; this corpus's labels are ${labels.map((l) => l.name).join(', ')}`,
      undefined,
      { reason: 'label-unknown', label: name },
    );
  }
  return at;
}

function labelIn(labels: readonly Label[], name: string): Label | null {
  return labels.find((l) => same(l.name, name)) ?? null;
}

function nameOf(change: LabelChange): string {
  return change.kind === 'add' ? change.label.name.normalize('NFC').replace(/\s+/g, ' ').trim() : change.name;
}

function shownIn(label: Label, language: keyof LabelNames): string {
  return label.names?.[language] || label.name;
}

function same(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

function usageOf(counts: Readonly<Record<string, number>>, name: string): number {
  let total = 0;
  for (const [label, count] of Object.entries(counts)) if (same(label, name)) total += count;
  return total;
}
