import type { ComposeContext } from '../compose/context.ts';
import type { NginxContext } from '../nginx/context.ts';
import type { CheckOptions, ProjectFile } from '../types.ts';

/** What a rule that needs both the compose model and the nginx configs receives. */
export interface CrossContext {
  compose: ComposeContext | undefined;
  nginx: NginxContext[];
  files: readonly ProjectFile[];
  options: CheckOptions;
}
