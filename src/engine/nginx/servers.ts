// The http `server` blocks of a file with what the rules ask about them.
import { childrenNamed, type NginxBlock, type NginxConfig } from './ast.ts';
import type { NginxContext } from './context.ts';

export interface HttpServer {
  block: NginxBlock;
  /** Enclosing blocks (the `http` block in a main nginx.conf, nothing in a conf.d file). */
  path: NginxBlock[];
  /** Some `listen` has `ssl` (or `quic`). */
  tls: boolean;
}

export function httpServers(context: NginxContext): HttpServer[] {
  return context
    .named('server')
    .filter((info) => info.context === 'http' && info.node.kind === 'block')
    .map((info) => {
      const block = info.node as NginxBlock;
      const tls = childrenNamed(block, 'listen').some((listen) => listen.args.slice(1).some((arg) => arg.value === 'ssl' || arg.value === 'quic'));
      return { block, path: info.path, tls };
    });
}

/** The file's top level when it stands for the inside of `http {}` (conf.d files, templates). */
export function httpTop(context: NginxContext): NginxConfig | undefined {
  return context.rootContext === 'http' ? context.config : undefined;
}
