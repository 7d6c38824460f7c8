/**
 * Moving a cell moves its DOM nodes, and the browser drops focus from a moved node: moves
 * from the keyboard put it back, so Alt+↑ can be pressed again and typing goes on.
 */
import { tick } from 'svelte';
import type { EditorSession } from './session.svelte.ts';

export async function moveKeepingFocus(
  session: EditorSession,
  cellId: string,
  delta: -1 | 1,
): Promise<void> {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  session.move(cellId, delta);
  await tick();
  if (active?.isConnected && document.activeElement !== active) active.focus();
}
