import type { ProjectFile } from '../types.ts';
import { asMap, asString, type LocatedValue } from '../yaml/located.ts';

/**
 * The marker a file carries to say it is meant for `docker stack deploy`:
 *
 * ```yaml
 * x-atelier:
 *   cible: swarm
 * ```
 *
 * An `x-` key is ignored by `docker compose` and by `docker stack deploy`
 * alike (both schemas allow `^x-` at the top level), so the marker costs
 * nothing to either tool.
 */
export const SWARM_MARKER_KEY = 'x-atelier';

/** `stack.yaml`, `docker-stack.yml`, `stack.prod.yaml`: the names Docker's documentation gives stack files. */
const STACK_FILE_NAME = /^(docker-)?stack(\.[\w.-]+)?\.ya?ml$/;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isStackFileName(path: string): boolean {
  return STACK_FILE_NAME.test(baseName(path));
}

export function hasSwarmMarker(root: LocatedValue | undefined): boolean {
  const marker = asMap(asMap(root)?.entries.get(SWARM_MARKER_KEY)?.value);
  return asString(marker?.entries.get('cible')?.value)?.trim().toLowerCase() === 'swarm';
}

/**
 * True when the project is for `docker stack deploy`: the option wins (the
 * lesson's frontmatter, the CLI's `--swarm`), else a stack file name or the
 * marker in any of its compose files.
 */
export function isSwarmTarget(option: boolean | undefined, files: readonly ProjectFile[], roots: readonly (LocatedValue | undefined)[]): boolean {
  if (option !== undefined) return option;
  return files.some((file) => isStackFileName(file.path)) || roots.some(hasSwarmMarker);
}
