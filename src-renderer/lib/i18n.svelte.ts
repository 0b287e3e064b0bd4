// Interface strings in Vietnamese (first) and English; the language is a preference, switchable at any time.

import { en } from './strings/en';
import { vi } from './strings/vi';

const STRINGS = { vi, en };

export type Language = keyof typeof STRINGS;
export type StringKey = keyof typeof vi;

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

/** Whether `key` names an interface string (for keys made from a code). */
export function hasString(key: string): key is StringKey {
  return Object.hasOwn(STRINGS.vi, key);
}

/** The interface string for `key` with its `{name}` placeholders filled from `values`. */
export function tf(key: StringKey, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
