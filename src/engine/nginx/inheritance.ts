// nginx's inheritance of array directives (`add_header`, `proxy_set_header`,
// `proxy_cache_valid`…): a level inherits from its parent only when it has
// none of its own. The good-practice rules need the effective list.
import { childrenNamed, type NginxBlock, type NginxConfig, type NginxNode } from './ast.ts';

/**
 * The directives named one of `names` that apply inside `chain` (outermost
 * block first, the innermost being the block whose effective value we want).
 * `top` is the file's top level when it stands for `http` (a conf.d file).
 */
export function effectiveDirectives(chain: readonly NginxBlock[], names: readonly string[], top?: NginxConfig): NginxNode[] {
  for (let i = chain.length - 1; i >= 0; i--) {
    const block = chain[i]!;
    // `if` blocks inherit but nothing above them inherits from them; skip nothing.
    const own = names.flatMap((name) => childrenNamed(block, name));
    if (own.length > 0) return own;
  }
  if (top) return names.flatMap((name) => childrenNamed(top, name));
  return [];
}

/** The innermost value of a single-valued directive (`proxy_cache`, `server_tokens`), inherited from outer levels. */
export function effectiveDirective(chain: readonly NginxBlock[], name: string, top?: NginxConfig): NginxNode | undefined {
  const found = effectiveDirectives(chain, [name], top);
  return found[found.length - 1];
}
