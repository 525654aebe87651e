import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { loadEveryPart } from '../../src/app/i18n';
import { FakeApi } from './fake-api';

/**
 * Runs before each component test file imports the app: the API client takes `fetch` when it is
 * created, so `fetch` is, from the start, a door to the current test's FakeApi.
 */
let current = new FakeApi();
export const currentApi = (): FakeApi => current;

// What happy-dom lacks of a browser and Mantine uses: the document's font set (its textareas grow
// again once fonts load). An empty one, as in a browser whose fonts are all loaded.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: Object.assign(new EventTarget(), { ready: Promise.resolve(), status: 'loaded' }) });
}

// A page rendered here without its route would not load its strings: every part is loaded.
loadEveryPart();

globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => current.fetch(input, init)) as typeof fetch;

beforeEach(() => {
  current = new FakeApi();
});

afterEach(() => {
  cleanup();
  document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; max-age=0`));
});
