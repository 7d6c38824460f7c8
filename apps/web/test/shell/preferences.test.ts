import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, expect, test } from 'vitest';
import { common } from '#lib/i18n/common.ts';
import { preferences } from '#lib/preferences.svelte.ts';
import LocaleSwitch from '#lib/shell/LocaleSwitch.svelte';
import ThemeSwitch from '#lib/shell/ThemeSwitch.svelte';

afterEach(() => {
  preferences.setLocale('en');
  preferences.setTheme('system');
});

test('the language switch saves the choice, sets <html lang> and translates the catalogs', async () => {
  render(LocaleSwitch);
  const select = screen.getByTestId<HTMLSelectElement>('locale-switch');
  await fireEvent.change(select, { target: { value: 'fr' } });
  expect(localStorage.getItem('baton.locale')).toBe('fr');
  expect(document.documentElement.lang).toBe('fr');
  expect(common.current.notebooks).toBe('Notebooks');
  expect(common.current.theme).toBe('Thème');
  expect(select.value).toBe('fr');
});

test('the theme switch saves the choice and sets data-theme; system removes it', async () => {
  render(ThemeSwitch);
  const select = screen.getByTestId<HTMLSelectElement>('theme-switch');
  expect(select.value).toBe('system');
  await fireEvent.change(select, { target: { value: 'dark' } });
  expect(localStorage.getItem('baton.theme')).toBe('dark');
  expect(document.documentElement.dataset.theme).toBe('dark');
  await fireEvent.change(select, { target: { value: 'system' } });
  expect(localStorage.getItem('baton.theme')).toBe('system');
  expect(document.documentElement.dataset.theme).toBeUndefined();
});

test('the theme switch speaks French when the interface does', async () => {
  preferences.setLocale('fr');
  render(ThemeSwitch);
  const labels = [...screen.getByTestId<HTMLSelectElement>('theme-switch').options].map(
    (option) => option.textContent,
  );
  expect(labels).toEqual(['Système', 'Clair', 'Sombre']);
});
