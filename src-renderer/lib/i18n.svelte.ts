// Interface strings in Vietnamese (first) and English; the language is a preference, switchable at any time.

const STRINGS = {
  vi: {
    appTitle: 'Folio',
    search: 'Tìm trong kho (vd. thanh uy, "nghị quyết 22")',
    reports: 'báo cáo',
    title: 'Tiêu đề',
    published: 'Ngày đăng',
    source: 'Nguồn',
    place: 'Địa phương',
    author: 'Tác giả',
    status: 'Trạng thái',
    tags: 'Nhãn',
    annotations: 'Chú thích',
    noResults: 'Không có báo cáo nào khớp.',
    noCorpus: 'Chưa mở kho văn bản nào.',
    chooseReport: 'Chọn một báo cáo trong thư viện để đọc.',
    metadata: 'Siêu dữ liệu',
    skipped: 'Tệp không đọc được',
    language: 'English',
    untitled: '(không tiêu đề)',
    'status.new': 'Mới',
    'status.in-progress': 'Đang làm',
    'status.needs-review': 'Cần duyệt',
    'status.done': 'Xong',
  },
  en: {
    appTitle: 'Folio',
    search: 'Search the corpus (e.g. thanh uy, "nghị quyết 22")',
    reports: 'reports',
    title: 'Title',
    published: 'Published',
    source: 'Source',
    place: 'Place',
    author: 'Author',
    status: 'Status',
    tags: 'Tags',
    annotations: 'Annotations',
    noResults: 'No reports match.',
    noCorpus: 'No corpus is open.',
    chooseReport: 'Choose a report in the library to read it.',
    metadata: 'Metadata',
    skipped: 'Unreadable files',
    language: 'Tiếng Việt',
    untitled: '(untitled)',
    'status.new': 'New',
    'status.in-progress': 'In progress',
    'status.needs-review': 'Needs review',
    'status.done': 'Done',
  },
} as const;

export type Language = keyof typeof STRINGS;
export type StringKey = keyof (typeof STRINGS)['vi'];

const state = $state<{ language: Language }>({ language: 'vi' });

/** The current interface language. */
export function language(): Language {
  return state.language;
}

/** Switches the interface language. */
export function setLanguage(language: Language): void {
  state.language = language;
  document.documentElement.lang = language;
}

/** The interface string for `key` in the current language. */
export function t(key: StringKey): string {
  return STRINGS[state.language][key];
}
