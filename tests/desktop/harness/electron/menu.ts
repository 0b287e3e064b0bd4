// Electron's `Menu` and `MenuItem`: the application menu built from a template, with Electron's labels and
// accelerators for the roles Folio uses on Linux. Clicking runs the item's role or its `click`, as Electron's
// MenuItem does; the stand-in performs the quit, close and minimize roles and refuses the others aloud. It does
// not route accelerator keys from the page to the menu (see README).

import { EventEmitter } from 'node:events';
import type { MenuItemInfo } from '../protocol';

interface ItemOptions {
  id?: string;
  label?: string;
  sublabel?: string;
  toolTip?: string;
  type?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  submenu?: ItemOptions[] | Menu;
  click?: (item: MenuItem, window: unknown, event: unknown) => void;
}

/** What the roles do: set by the stand-in's index, which knows the app and the windows. */
export interface RoleActions {
  quit(): void;
  close(window: unknown): void;
  minimize(window: unknown): void;
}

// Electron's defaults for the roles' labels and accelerators on Linux (lib/browser/api/menu-item-roles.ts).
const ROLES: Record<string, { label: string; accelerator?: string }> = {
  quit: { label: 'Quit', accelerator: 'CommandOrControl+Q' },
  close: { label: 'Close Window', accelerator: 'CommandOrControl+W' },
  minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M' },
  undo: { label: 'Undo', accelerator: 'CommandOrControl+Z' },
  redo: { label: 'Redo', accelerator: 'Shift+CommandOrControl+Z' },
  cut: { label: 'Cut', accelerator: 'CommandOrControl+X' },
  copy: { label: 'Copy', accelerator: 'CommandOrControl+C' },
  paste: { label: 'Paste', accelerator: 'CommandOrControl+V' },
  selectAll: { label: 'Select All', accelerator: 'CommandOrControl+A' },
  resetZoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0' },
  zoomIn: { label: 'Zoom In', accelerator: 'CommandOrControl+Plus' },
  zoomOut: { label: 'Zoom Out', accelerator: 'CommandOrControl+-' },
  togglefullscreen: { label: 'Toggle Full Screen', accelerator: 'F11' },
  help: { label: 'Help' },
};

let roles: RoleActions | null = null;
let applicationMenu: Menu | null = null;

/** The stand-in's `MenuItem`. */
export class MenuItem {
  id: string | undefined;
  label: string;
  sublabel: string;
  toolTip: string;
  type: string;
  role: string | undefined;
  accelerator: string | undefined;
  registerAccelerator: boolean;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  submenu: Menu | undefined;
  /** Runs the role, or else the item's own `click(menuItem, window, event)`, as Electron's MenuItem does. */
  click: (event?: unknown, focusedWindow?: unknown) => void;

  constructor(options: ItemOptions) {
    const role = options.role ? ROLES[options.role] : undefined;
    this.id = options.id;
    this.role = options.role;
    this.label = options.label ?? role?.label ?? '';
    this.sublabel = options.sublabel ?? '';
    this.toolTip = options.toolTip ?? '';
    this.accelerator = options.accelerator ?? role?.accelerator;
    this.registerAccelerator = options.registerAccelerator ?? true;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.submenu =
      options.submenu instanceof Menu
        ? options.submenu
        : options.submenu
          ? Menu.buildFromTemplate(options.submenu)
          : undefined;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    const own = options.click;
    this.click = (event = {}, focusedWindow = null) => {
      if (this.type === 'checkbox') this.checked = !this.checked;
      if (this.#perform(focusedWindow)) return;
      if (own) own(this, focusedWindow, event);
    };
  }

  #perform(window: unknown): boolean {
    const role = this.role;
    if (!role || role === 'help' || this.submenu) return false;
    if (!roles) throw new Error('the menu is not connected to the app');
    if (role === 'quit') roles.quit();
    else if (role === 'close') roles.close(window);
    else if (role === 'minimize') roles.minimize(window);
    else throw new Error(`the stand-in does not perform the "${role}" role`);
    return true;
  }
}

/** The stand-in's `Menu`. */
export class Menu extends EventEmitter {
  items: MenuItem[] = [];

  static buildFromTemplate(template: Array<ItemOptions | MenuItem>): Menu {
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }

  append(item: MenuItem): void {
    this.items.push(item);
  }

  insert(position: number, item: MenuItem): void {
    this.items.splice(position, 0, item);
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
}

/** Connects the roles to the app and its windows; called once by the stand-in's index. */
export function connectMenus(actions: RoleActions): void {
  roles = actions;
}

/** The application menu as the test sees it. */
export function describeMenu(menu: Menu | null): MenuItemInfo[] | null {
  return (
    menu?.items
      .filter((item) => item.visible)
      .map((item) => ({
        label: item.label,
        type: item.type,
        role: item.role ?? null,
        accelerator: item.accelerator ?? null,
        enabled: item.enabled,
        submenu: describeMenu(item.submenu ?? null),
      })) ?? null
  );
}

/** The item at `path` (labels from the menu bar down), for the test to click. */
export function findMenuItem(path: string[]): MenuItem {
  let items = applicationMenu?.items ?? [];
  let found: MenuItem | undefined;
  for (const label of path) {
    found = items.find((item) => item.label === label);
    if (!found)
      throw new Error(`no menu item "${label}" in ${items.map((item) => `"${item.label}"`).join(', ')}`);
    items = found.submenu?.items ?? [];
  }
  if (!found) throw new Error('an empty menu path');
  if (!found.enabled) throw new Error(`the menu item "${path.join(' → ')}" is disabled`);
  return found;
}
