import type { NginxContext } from './context.ts';

/** Names of the `upstream` blocks of the whole project, lower-cased (nginx compares them so), per protocol. */
export function upstreamNames(context: NginxContext, kind: 'http' | 'stream'): Set<string> {
  const names = new Set<string>();
  for (const sibling of context.siblings) {
    for (const info of sibling.named('upstream')) {
      const inStream = info.context?.startsWith('stream') ?? false;
      const name = info.node.args[0]?.value;
      if (name && inStream === (kind === 'stream')) names.add(name.toLowerCase());
    }
  }
  return names;
}
