import type { Page } from 'playwright-core';

// Shared by the workshop's end-to-end tests and scripts/perf/workshop-perf.ts.

export const WORKSHOP = '[data-workshop]';

/** Opens the lesson's workshop (button, or already opened by scrolling) and waits for its first check. */
export async function openWorkshop(page: Page, baseUrl: string, slug: string): Promise<void> {
  await page.goto(`${baseUrl}lecons/${slug}/`);
  // Scrolling it into view opens it too (IntersectionObserver): the button may be gone or disabled by then.
  const button = page.locator('[data-open-workshop]');
  await button.click({ timeout: 5_000 }).catch(() => page.locator(WORKSHOP).scrollIntoViewIfNeeded());
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 90_000 });
}

/**
 * The playground opens with a plain text area and loads Monaco on the
 * learner's first gesture (open-when-wanted.ts): focuses that text area as a
 * learner would (a scroll, such as a reload's restored position, may have
 * started the loading already), then waits until Monaco has replaced it and
 * holds the keyboard focus, ready for keystrokes. Fails if the editor never
 * comes or never takes the focus.
 */
export async function wakePlayground(page: Page): Promise<void> {
  await page.waitForSelector(`${WORKSHOP}:is([data-state="plain"], [data-state="loading"], [data-state="ready"])`, { timeout: 30_000 });
  await page.locator(`${WORKSHOP}[data-state="plain"] [data-plain-editor]`).focus({ timeout: 10_000 }).catch(() => undefined);
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 90_000 });
  const inEditor = (): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('[data-editor] .monaco-editor') != null);
  if (!(await inEditor())) await page.locator('[data-editor] .view-lines').click();
  await page.waitForFunction(() => document.activeElement?.closest('[data-editor] .monaco-editor') != null, undefined, { timeout: 30_000 });
}

/** The editor's visible text, with Monaco's non-breaking spaces turned back into spaces. */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('[data-editor] .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until the answer to the latest edit is shown (debounce passed, stale answers dropped). */
export async function waitForCheck(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForFunction(
    (selector) => {
      const root = document.querySelector<HTMLElement>(selector);
      return root !== null && root.dataset['checkedId'] === root.dataset['pendingCheck'];
    },
    WORKSHOP,
    { timeout: 60_000 },
  );
}

/**
 * Puts the cursor at the first character of `line` (1-based). Clicking the
 * line number selects the line whatever the wrapping (arrow keys move by
 * visual rows); ArrowLeft then collapses to its start.
 */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('[data-editor] .line-numbers', { hasText: new RegExp(`^${line}$`) }).click();
  await page.keyboard.press('ArrowLeft');
}

export async function objectiveStates(page: Page): Promise<Record<string, boolean>> {
  return page.$$eval('[data-objective]', (items) =>
    Object.fromEntries(items.map((item) => [(item as HTMLElement).dataset['objective'] ?? '', (item as HTMLElement).dataset['met'] === 'true'])),
  );
}

export async function acceptDialogs(page: Page): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
}
