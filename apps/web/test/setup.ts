// Mounts are cleaned up after each test (the testing library's vitest hooks).
import '@testing-library/svelte/vitest';
