import type { ComposeContext } from '../compose/context.ts';
import type { NginxContext } from '../nginx/context.ts';
import type { DisableDirective } from '../suppressions.ts';
import type { CheckOptions, ProjectFile } from '../types.ts';

/** What a rule that needs both the compose model and the nginx configs receives. */
export interface CrossContext {
  compose: ComposeContext | undefined;
  nginx: NginxContext[];
  files: readonly ProjectFile[];
  options: CheckOptions;
  /** Every `# atelier-compose-disable-next-line` comment of the project. */
  disableDirectives?: DisableDirective[];
  /** The ids of the catalogue's rules, for the comments that name them. */
  knownRuleIds?: ReadonlySet<string>;
}
