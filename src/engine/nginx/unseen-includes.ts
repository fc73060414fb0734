import type { NginxContext } from './context.ts';

/** Files the official image ships under /etc/nginx: including them hides nothing from us. */
const IMAGE_FILES = /(^|\/)(mime\.types|fastcgi_params|fastcgi\.conf|scgi_params|uwsgi_params|koi-utf|koi-win|win-utf)$/;

/**
 * True when some nginx file of the project includes a file we cannot see
 * (neither the image's own nor one of the project's, matched by name): it may
 * define what a rule would otherwise call unknown (issue #13: rules stay
 * silent on what an include could provide). Globs and variables may match
 * nothing, so they do not count.
 */
export function hasUnseenIncludes(context: NginxContext): boolean {
  const projectNames = new Set(context.project.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)));
  return context.siblings.some((sibling) =>
    sibling.named('include').some((info) => {
      const target = info.node.args[0]?.value ?? '';
      return !/[*?$]/.test(target) && !IMAGE_FILES.test(target) && !projectNames.has(target.slice(target.lastIndexOf('/') + 1));
    }),
  );
}
