import { fireEvent, render } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';
import ShortcutsHelp from '#lib/shell/ShortcutsHelp.svelte';

test('"g" then "n" goes to the notebooks; keys typed into a field are left alone', async () => {
  const navigate = vi.fn();
  render(ShortcutsHelp, { navigate });
  const input = document.body.appendChild(document.createElement('input'));
  await fireEvent.keyDown(input, { key: 'g' });
  await fireEvent.keyDown(input, { key: 'n' });
  expect(navigate).not.toHaveBeenCalled();

  await fireEvent.keyDown(window, { key: 'g' });
  await fireEvent.keyDown(window, { key: 'n' });
  expect(navigate).toHaveBeenCalledWith('/');
  input.remove();
});

test('"?" asks for the help to open; a modifier key does not', async () => {
  // jsdom has no modal dialogs: the test supplies showModal for this test only.
  const original = HTMLDialogElement.prototype.showModal;
  const showModal = vi.fn();
  HTMLDialogElement.prototype.showModal = showModal;
  try {
    render(ShortcutsHelp, { navigate: () => {} });
    await fireEvent.keyDown(window, { key: '?', ctrlKey: true });
    expect(showModal).not.toHaveBeenCalled();
    await fireEvent.keyDown(window, { key: '?' });
    expect(showModal).toHaveBeenCalledTimes(1);
  } finally {
    HTMLDialogElement.prototype.showModal = original;
  }
});
