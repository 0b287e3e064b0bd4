import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../src-main/electron/menu';

function actions(): MenuActions {
  return { openCorpus: vi.fn(), openRecent: vi.fn(), closeCorpus: vi.fn(), command: vi.fn(), about: vi.fn() };
}

function item(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((i) => i.label === label || i.role === label);
    if (!found) throw new Error(`no menu item ${labels.join(' > ')}`);
    items = (found.submenu as MenuItemConstructorOptions[]) ?? [];
  }
  return found!;
}

const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('the native menu', () => {
  it('has File, Edit, View and Help with accelerators wired to actions', () => {
    const a = actions();
    const menu = buildMenuTemplate(a, ['/corpora/can-tho'], 'en', false);
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const open = item(menu, 'File', 'Open Corpus…');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(a.openCorpus).toHaveBeenCalled();
    click(item(menu, 'File', 'Open Recent', '/corpora/can-tho'));
    expect(a.openRecent).toHaveBeenCalledWith('/corpora/can-tho');
    click(item(menu, 'File', 'Export Collection…'));
    expect(a.command).toHaveBeenCalledWith('export');
    click(item(menu, 'View', 'Changes'));
    expect(a.command).toHaveBeenCalledWith('show-changes');
    click(item(menu, 'View', 'Toggle Theme'));
    expect(a.command).toHaveBeenCalledWith('toggle-theme');
    expect(item(menu, 'Edit', 'Find').accelerator).toBe('CmdOrCtrl+F');
    click(item(menu, 'Edit', 'Undo'));
    expect(a.command).toHaveBeenCalledWith('undo');
    expect(item(menu, 'Edit', 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    for (const role of ['cut', 'copy', 'paste', 'selectAll'])
      expect(item(menu, 'Edit', role).role).toBe(role);
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom']) expect(item(menu, 'View', role).role).toBe(role);
    click(item(menu, 'Help', 'About Folio'));
    expect(a.about).toHaveBeenCalled();
  });

  it('names the action Undo and Redo would take, leaving their keys to the page', () => {
    const history = {
      undo: { verb: 'delete-annotation', reports: 1 },
      redo: { verb: 'set-tags', reports: 12 },
    } as const;
    const en = buildMenuTemplate(actions(), [], 'en', false, history);
    const undo = item(en, 'Edit', 'Undo delete annotation');
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    expect(undo.registerAccelerator).toBe(false);
    expect(item(en, 'Edit', 'Redo tags (12 reports)').accelerator).toBe('CmdOrCtrl+Shift+Z');
    const vi = buildMenuTemplate(actions(), [], 'vi', false, history);
    expect(item(vi, 'Sửa', 'Hoàn tác xóa chú thích').click).toBeTypeOf('function');
    expect(item(vi, 'Sửa', 'Làm lại gắn thẻ (12 bài)').enabled).not.toBe(false);
  });

  it('speaks Vietnamese and shows an empty recent list', () => {
    const menu = buildMenuTemplate(actions(), [], 'vi', true);
    expect(menu[0]!.role).toBe('appMenu');
    expect(item(menu, 'Tệp', 'Mở kho văn bản…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(menu, 'Tệp', 'Mở gần đây', 'Chưa có kho nào').enabled).toBe(false);
  });
});
