import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/site.ts';
import { goToLine, openWorkshop, waitForCheck } from './workshop-helpers.ts';

// Issue #17: one Tab pressed on line 1 must send the learner to line 1, not to the lines it breaks further down.

const site = useBuiltSite();

describe('the first problem points where the file was broken', { timeout: 180_000 }, () => {
  it('a Tab on line 1 of chapter 06 gives a first diagnostic on line 1', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await openWorkshop(page, site.server.url, '06-architecture-trois-couches');
      await goToLine(page, 1);
      await page.keyboard.press('Tab');
      await waitForCheck(page);
      const first = page.locator('[data-diagnostic-list] > li.diagnostic').first();
      await expect.poll(() => first.getAttribute('data-line'), { timeout: 30_000 }).toBe('1');
      expect(await first.getAttribute('data-rule-id')).toBe('yaml-syntax');
      expect(await first.innerText()).toContain('décalée de 2 espaces');
      await first.locator('.diagnostic-jump').click();
      const cursorLine = await page.evaluate(() => document.querySelector('[data-editor] .current-line') !== null);
      expect(cursorLine).toBe(true);
    } finally {
      await context.close();
    }
  });
});
