// Every URL the site writes goes through here, so a build under a sub-path
// (`BASE_PATH=/formation/`) never leaks a root-relative link.

/** Joins a base (`/`, `/formation/` or `/formation`) and a site path, with exactly one slash between them. */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const tail = path.replace(/^\/+/, '');
  return `${head.startsWith('/') ? head : `/${head}`}${tail}`;
}

/** A site path (`lecons/04-client/`) as a URL under the configured base. */
export function siteUrl(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

export function lessonUrl(slug: string): string {
  return siteUrl(`lecons/${slug}/`);
}

export function stackUrl(stack: string): string {
  return siteUrl(`stacks/${stack}/`);
}

/** The stack's zip, built by src/pages/telechargements/[stack].zip.ts. */
export function stackZipUrl(stack: string): string {
  return siteUrl(`telechargements/${stack}.zip`);
}
