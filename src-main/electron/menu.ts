import type { MenuItemConstructorOptions } from 'electron';
import { historyLabel, type HistoryState } from '../contract/history';
import type { MenuCommand } from '../contract/operations';

/** What the menu's items do; the shell wires them to dialogs, the service and the renderer. */
export interface MenuActions {
  openCorpus(): void;
  openRecent(path: string): void;
  closeCorpus(): void;
  command(command: MenuCommand): void;
  about(): void;
}

const LABELS = {
  en: {
    file: 'File',
    open: 'Open Corpus…',
    recent: 'Open Recent',
    noRecent: 'No Recent Corpora',
    export: 'Export Collection…',
    close: 'Close Corpus',
    edit: 'Edit',
    find: 'Find',
    view: 'View',
    library: 'Library',
    reader: 'Reader',
    changes: 'Changes',
    theme: 'Toggle Theme',
    help: 'Help',
    about: 'About Folio',
  },
  vi: {
    file: 'Tệp',
    open: 'Mở kho văn bản…',
    recent: 'Mở gần đây',
    noRecent: 'Chưa có kho nào',
    export: 'Xuất bộ sưu tập…',
    close: 'Đóng kho văn bản',
    edit: 'Sửa',
    find: 'Tìm',
    view: 'Xem',
    library: 'Thư viện',
    reader: 'Đọc',
    changes: 'Thay đổi',
    theme: 'Đổi giao diện sáng/tối',
    help: 'Trợ giúp',
    about: 'Giới thiệu Folio',
  },
} as const;

/**
 * The native menu: File, Edit, View and Help with accelerators, in the interface language. Undo and Redo
 * name the action they would take back ("Undo delete annotation"); their keys are left to the page, which
 * gives them to a text field being typed in and to the corpus's history otherwise.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  recent: string[],
  language: 'vi' | 'en',
  isMac: boolean,
  history: HistoryState = { undo: null, redo: null },
): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((path) => ({ label: path, click: () => actions.openRecent(path) }))
    : [{ label: t.noRecent, enabled: false }];
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => actions.openCorpus() },
        { label: t.recent, submenu: recentItems },
        { label: t.export, accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
        { type: 'separator' },
        { label: t.close, accelerator: 'CmdOrCtrl+Shift+W', click: () => actions.closeCorpus() },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        {
          label: historyLabel(language, 'undo', history.undo),
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: () => actions.command('undo'),
        },
        {
          label: historyLabel(language, 'redo', history.redo),
          accelerator: 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: () => actions.command('redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: t.find, accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.library, accelerator: 'CmdOrCtrl+1', click: () => actions.command('show-library') },
        { label: t.reader, accelerator: 'CmdOrCtrl+2', click: () => actions.command('show-reader') },
        { label: t.changes, accelerator: 'CmdOrCtrl+3', click: () => actions.command('show-changes') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { label: t.theme, accelerator: 'CmdOrCtrl+Shift+T', click: () => actions.command('toggle-theme') },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.help, role: 'help', submenu: [{ label: t.about, click: () => actions.about() }] },
  ];
}
