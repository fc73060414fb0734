import type { NginxContext } from './context.ts';
import type { ProjectFile } from '../types.ts';

/**
 * The project's files that an nginx file includes by name, whatever their
 * names (`include snippets/proxy_params;`, `include vhosts.d/locations.inc;`):
 * nginx reads them as configuration, so the engine does too. A target is
 * matched by its path, nginx's prefix (`/etc/nginx/`) or root left out, to a
 * project file whose path ends with it. Globs and variables are left alone:
 * what they match is the deployment's business.
 */
export function includedProjectFiles(context: NginxContext, files: readonly ProjectFile[]): ProjectFile[] {
  const found: ProjectFile[] = [];
  for (const info of context.named('include')) {
    const target = info.node.args[0]?.value;
    if (!target || /[*?$]/.test(target)) continue;
    const tail = target.replace(/^\/etc\/nginx\//, '').replace(/^\/+/, '');
    if (tail === '') continue;
    for (const file of files) if ((file.path === tail || file.path.endsWith(`/${tail}`)) && !found.includes(file)) found.push(file);
  }
  return found;
}
