// The vocabulary of undo and redo, shared by the core (which records edits), the desktop menu and the renderer.

/** What a user action did, as the undo menu names it ("Undo delete annotation"). */
export const EDIT_VERBS = [
  'set-tags',
  'set-status',
  'set-metadata',
  'reset-metadata',
  'apply-metadata',
  'add-annotation',
  'update-annotation',
  'delete-annotation',
  'correct-text',
  'revert-changes',
  'resolve-conflict',
  'import',
  'create-collection',
  'add-to-collection',
  'remove-from-collection',
  'move-in-collection',
  'delete-collection',
  'rename-collection',
  'move-collection',
  'add-label',
  'change-label',
  'move-label',
  'remove-label',
] as const;
export type EditVerb = (typeof EDIT_VERBS)[number];

/** What the next undo or redo would do: one user action, on how many reports. */
export interface HistoryStep {
  verb: EditVerb;
  reports: number;
}

/** The state of the undo and redo stacks. */
export interface HistoryState {
  undo: HistoryStep | null;
  redo: HistoryStep | null;
}

/** Each verb in each interface language, lower case, to follow "Undo" / "Hoàn tác". */
export const EDIT_VERB_NAMES: Record<'vi' | 'en', Record<EditVerb, string>> = {
  en: {
    'set-tags': 'tags',
    'set-status': 'status',
    'set-metadata': 'metadata correction',
    'reset-metadata': 'metadata reset',
    'apply-metadata': 'bulk metadata',
    'add-annotation': 'annotation',
    'update-annotation': 'annotation change',
    'delete-annotation': 'delete annotation',
    'correct-text': 'text correction',
    'revert-changes': 'revert',
    'resolve-conflict': 'conflict resolution',
    import: 'import',
    'create-collection': 'new collection',
    'add-to-collection': 'add to collection',
    'remove-from-collection': 'remove from collection',
    'move-in-collection': 'reorder collection',
    'delete-collection': 'delete collection',
    'rename-collection': 'rename collection',
    'move-collection': 'move collection',
    'add-label': 'new label',
    'change-label': 'label change',
    'move-label': 'reorder labels',
    'remove-label': 'remove label',
  },
  vi: {
    'set-tags': 'gắn thẻ',
    'set-status': 'đổi trạng thái',
    'set-metadata': 'sửa siêu dữ liệu',
    'reset-metadata': 'khôi phục siêu dữ liệu',
    'apply-metadata': 'áp dụng hàng loạt',
    'add-annotation': 'thêm chú thích',
    'update-annotation': 'sửa chú thích',
    'delete-annotation': 'xóa chú thích',
    'correct-text': 'sửa văn bản',
    'revert-changes': 'hoàn nguyên',
    'resolve-conflict': 'giải quyết xung đột',
    import: 'nhập',
    'create-collection': 'tạo bộ sưu tập',
    'add-to-collection': 'thêm vào bộ sưu tập',
    'remove-from-collection': 'bỏ khỏi bộ sưu tập',
    'move-in-collection': 'sắp xếp bộ sưu tập',
    'delete-collection': 'xóa bộ sưu tập',
    'rename-collection': 'đổi tên bộ sưu tập',
    'move-collection': 'chuyển chỗ bộ sưu tập',
    'add-label': 'thêm nhãn',
    'change-label': 'sửa nhãn',
    'move-label': 'sắp xếp nhãn',
    'remove-label': 'xóa nhãn',
  },
};

/** "Undo delete annotation", "Redo tags (12 reports)": the label of a menu item or button. */
export function historyLabel(
  language: 'vi' | 'en',
  direction: 'undo' | 'redo',
  step: HistoryStep | null,
): string {
  const word = { en: { undo: 'Undo', redo: 'Redo' }, vi: { undo: 'Hoàn tác', redo: 'Làm lại' } }[language][
    direction
  ];
  if (!step) return word;
  const count =
    step.reports > 1 ? (language === 'vi' ? ` (${step.reports} bài)` : ` (${step.reports} reports)`) : '';
  return `${word} ${EDIT_VERB_NAMES[language][step.verb]}${count}`;
}
