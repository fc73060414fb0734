// The http `server` blocks of a file with what the rules ask about them.
import { childrenNamed, type NginxBlock, type NginxConfig } from './ast.ts';
import type { NginxContext, NodeInfo } from './context.ts';

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

/**
 * The address and port a `listen` binds, as nginx prints it (`0.0.0.0:80`,
 * `[::]:80`, `/quic` after a QUIC one), or undefined for a variable, a unix
 * socket or a host name (resolved by nginx, not by us).
 */
export function listenAddress(info: NodeInfo): string | undefined {
  const first = info.node.args[0]?.value;
  if (!first || first.includes('$') || first.startsWith('unix:')) return undefined;
  const quic = info.node.args.some((w) => w.value === 'quic');
  const port = /^\d+$/.test(first) ? `0.0.0.0:${first}` : /^[\d.]+$/.test(first) ? `${first}:80` : /^(\*|[\d.]+|\[[0-9a-fA-F:.]+\]):\d+$/.test(first) ? first.replace(/^\*/, '0.0.0.0') : undefined;
  return port === undefined ? undefined : `${port}${quic ? '/quic' : ''}`;
}
