import type { ServiceView } from './compose-view.ts';

/** The healthcheck command as one string, whatever its form (`CMD`, `CMD-SHELL`, plain string). */
export function healthcheckCommand(service: ServiceView | undefined): string {
  const test = service?.healthcheck?.test;
  if (test === undefined || service?.healthcheck?.disable) return '';
  return Array.isArray(test) ? test.join(' ') : test;
}

/** A `wget` healthcheck that fetches `url` (busybox wget: alpine images have no curl). */
export function probesWithWget(service: ServiceView | undefined, url: string): boolean {
  const command = healthcheckCommand(service);
  return /\bwget\b/.test(command) && command.split(/\s+/).some((word) => word.replace(/^["']|["']$/g, '') === url);
}
