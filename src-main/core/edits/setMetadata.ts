import { FolioError } from '../errors';
import { METADATA_FIELDS, metadataValueSchemas, type MetadataField } from '../store/schema';
import type { EditVerb } from '../../contract/history';
import type { ReportEdit } from './edit';
import { restoreParts, type StatePart } from './parts';

/** A metadata field's name, checked; `invalid-input` lists the known ones. */
export function checkField(field: string): MetadataField {
  if (!(METADATA_FIELDS as readonly string[]).includes(field)) {
    throw new FolioError(
      'invalid-input',
      `unknown metadata field "${field}"; expected one of ${METADATA_FIELDS.join(', ')}`,
    );
  }
  return field as MetadataField;
}

/** Records the editor's value for a field beside the extracted one (`verb` tells a bulk apply from one). */
export function setMetadata(field: string, value: unknown, verb: EditVerb = 'set-metadata'): ReportEdit {
  const checked = checkField(field);
  const parsed = metadataValueSchemas[checked].safeParse(value);
  if (!parsed.success) {
    throw new FolioError(
      'invalid-input',
      `invalid value for ${field}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`,
    );
  }
  const part: StatePart = `metadata.${checked}`;
  return {
    verb,
    parts: [part],
    apply(state, context) {
      state.metadata[checked] = {
        value: structuredClone(parsed.data),
        editor: context.editor,
        at: context.at,
      };
    },
    inverse: (before, after) => restoreParts(verb, [part], before, after),
  };
}

/** Drops the editor's value of a field, so the extracted one is in effect again. */
export function resetMetadata(field: string): ReportEdit {
  const checked = checkField(field);
  const part: StatePart = `metadata.${checked}`;
  return {
    verb: 'reset-metadata',
    parts: [part],
    apply(state) {
      delete state.metadata[checked];
    },
    inverse: (before, after) => restoreParts('reset-metadata', [part], before, after),
  };
}
