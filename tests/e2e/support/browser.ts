import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser, with the flags this closed
 * network needs. Playwright's `launch` gives each browser a fresh temporary
 * profile (it refuses an explicit --user-data-dir).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
