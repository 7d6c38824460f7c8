/**
 * The reader's interface preferences (language and theme), kept in localStorage so they survive
 * reloads, and applied to <html> (`lang`, `data-theme`) so CSS and screen readers follow.
 */
export type Locale = 'en' | 'fr';
export type Theme = 'light' | 'dark' | 'system';

const LOCALES: readonly Locale[] = ['en', 'fr'];
const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

function stored<T extends string>(key: string, allowed: readonly T[]): T | undefined {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  return allowed.find((option) => option === value);
}

function browserLocale(): Locale {
  const language = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

class Preferences {
  locale: Locale = $state(stored('baton.locale', LOCALES) ?? browserLocale());
  theme: Theme = $state(stored('baton.theme', THEMES) ?? 'system');

  setLocale(locale: Locale): void {
    this.locale = locale;
    localStorage.setItem('baton.locale', locale);
    document.documentElement.lang = locale;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    localStorage.setItem('baton.theme', theme);
    applyTheme(theme);
  }
}

function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The one preferences object of the app. */
export const preferences = new Preferences();

if (typeof document !== 'undefined') {
  document.documentElement.lang = preferences.locale;
  applyTheme(preferences.theme);
}
