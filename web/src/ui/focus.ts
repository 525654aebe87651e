/** How long after the focus moved it follows the content if that is rendered again. */
const SETTLE_MS = 600;

/**
 * The one way the platform moves the focus to content a step just brought: the page after signing
 * in, a section of the report editor, the message or the new record a submitted form shows. The
 * content is often not there yet when the step ends (it renders after the answer, or replaces the
 * old one), so this waits until an element matching `target` is on the page, makes it focusable
 * (`tabindex="-1"`) if it is not, and focuses it; it gives up after `timeoutMs`. Screen reader and
 * keyboard users then go on from the new content instead of from a button that may have gone.
 * Returns a function that stops waiting.
 */
export function focusWhenShown(target: string | (() => HTMLElement | null), { timeoutMs = 3000 }: { timeoutMs?: number } = {}): () => void {
  const find = typeof target === 'string' ? () => document.querySelector<HTMLElement>(target) : target;
  const until = Date.now() + timeoutMs;
  let timer = 0;
  let stopped = false;
  let focused: HTMLElement | null = null;
  let settledAt = 0;
  const attempt = () => {
    // (No document: the page has gone, as when a test's window is torn down while this waits.)
    if (stopped || typeof document === 'undefined') return;
    if (focused) {
      // Content rendered once more (a form rebuilt on the saved version) may replace the element just
      // focused: while things settle, follow it to its replacement unless the user has moved on.
      const lost = !focused.isConnected && (!document.activeElement || document.activeElement === document.body);
      if (!lost) {
        if (Date.now() < settledAt) timer = window.setTimeout(attempt, 25);
        return;
      }
      focused = null;
    }
    const element = find();
    if (element?.isConnected) {
      if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: false });
      focused = element;
      settledAt = Math.min(until, Date.now() + SETTLE_MS);
      timer = window.setTimeout(attempt, 25);
      return;
    }
    if (Date.now() < until) timer = window.setTimeout(attempt, 25);
  };
  timer = window.setTimeout(attempt, 0);
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}

/** A selector for an attribute's value, quoted safely (`[data-section="…"]`). */
export const byAttribute = (name: string, value: string): string => `[${name}="${CSS.escape(value)}"]`;
