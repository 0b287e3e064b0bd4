import { ApiError } from './api/client';
import { hasString, t, tf, type StringKey } from './i18n.svelte';

/**
 * An error as the interface says it, in its language: the case the core named (`reason`) when there is a
 * sentence for it, else the error code's sentence; never the core's English message or a stack.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  const params = error.params;
  const specific = params && [
    `error.${params.reason}.${params.problem ?? params.selection ?? params.move}`,
    `error.${params.reason}`,
  ];
  const values = params && { ...params, part: partName(String(params.part ?? '')) };
  for (const key of [...(specific ?? []), `error.${error.code}`]) {
    if (hasString(key)) return tf(key, values ?? {});
  }
  return t('error.internal');
}

/** A part of a report's state as a sentence names it: "the title field", "the tags", "the text". */
function partName(part: string): string {
  const field = part.startsWith('metadata.') ? part.slice('metadata.'.length) : null;
  if (field && hasString(field)) return tf('part.field', { field: t(field).toLocaleLowerCase() });
  if (part.startsWith('annotation:')) return t('part.annotation');
  return hasString(`part.${part}`) ? t(`part.${part}` as StringKey) : t('part.other');
}
