import { render } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import BatonMark from '#lib/BatonMark.svelte';

test('the Baton mark is an accessible-hidden SVG', () => {
  const { container } = render(BatonMark);
  const svg = container.querySelector('svg');
  expect(svg).not.toBeNull();
});
