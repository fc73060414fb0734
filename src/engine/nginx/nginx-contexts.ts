// The configuration contexts nginx itself distinguishes (the NGX_*_CONF flags
// a command is declared with), as opposed to the documentation's words: the
// docs say `server` for the http, stream and mail servers alike, and `if` for
// both `if` in a server and `if` in a location.

export const NGINX_CONTEXTS = [
  'main',
  'events',
  'http',
  'http-server',
  'http-location',
  /** `if` directly in a server (NGX_HTTP_SIF_CONF). */
  'http-server-if',
  /** `if` in a location (NGX_HTTP_LIF_CONF). */
  'http-location-if',
  'http-limit-except',
  'http-upstream',
  'stream',
  'stream-server',
  'stream-upstream',
  'mail',
  'mail-server',
] as const;

export type NginxContextName = (typeof NGINX_CONTEXTS)[number];

/** French names for messages ("dans un bloc `server` (http)"). */
export const CONTEXT_LABELS: Record<NginxContextName, string> = {
  main: 'au niveau principal (hors de tout bloc)',
  events: 'dans le bloc « events »',
  http: 'dans le bloc « http »',
  'http-server': 'dans un bloc « server »',
  'http-location': 'dans un bloc « location »',
  'http-server-if': 'dans un bloc « if » de « server »',
  'http-location-if': 'dans un bloc « if » de « location »',
  'http-limit-except': 'dans un bloc « limit_except »',
  'http-upstream': 'dans un bloc « upstream »',
  stream: 'dans le bloc « stream »',
  'stream-server': 'dans un bloc « server » de « stream »',
  'stream-upstream': 'dans un bloc « upstream » de « stream »',
  mail: 'dans le bloc « mail »',
  'mail-server': 'dans un bloc « server » de « mail »',
};

type Family = 'http' | 'stream' | 'mail' | 'core';

function familyOf(module: string): Family | undefined {
  if (module.startsWith('ngx_http_')) return 'http';
  if (module.startsWith('ngx_stream_')) return 'stream';
  if (module.startsWith('ngx_mail_')) return 'mail';
  if (module === 'Core functionality') return 'core';
  return undefined;
}

/**
 * Maps one documentation context word of a directive of `module` to the
 * nginx contexts it stands for. Unknown words (NGINX Plus-only blocks such as
 * `oidc_provider`) map to nothing.
 */
export function contextsFromDocs(module: string, word: string): NginxContextName[] {
  const family = familyOf(module);
  switch (word) {
    case 'main':
      return ['main'];
    case 'events':
      return ['events'];
    case 'http':
      return ['http'];
    case 'stream':
      return ['stream'];
    case 'mail':
      return ['mail'];
    case 'location':
      return ['http-location'];
    case 'if in location':
      return ['http-location-if'];
    case 'if':
      return ['http-server-if', 'http-location-if'];
    case 'limit_except':
      return ['http-limit-except'];
    case 'server':
      if (family === 'stream') return ['stream-server'];
      if (family === 'mail') return ['mail-server'];
      if (family === 'core') return ['http-server', 'stream-server', 'mail-server'];
      return ['http-server'];
    case 'upstream':
      if (family === 'stream') return ['stream-upstream'];
      if (family === 'core') return ['http-upstream', 'stream-upstream'];
      return ['http-upstream'];
    case '':
      // `include` is allowed everywhere (NGX_CONF_ANY).
      return [...NGINX_CONTEXTS];
    default:
      return [];
  }
}

/** The context a block opens, given the context it sits in; undefined when nginx has no such block. */
export function childContext(parent: NginxContextName, blockName: string): NginxContextName | undefined {
  switch (parent) {
    case 'main':
      if (blockName === 'events' || blockName === 'http' || blockName === 'stream' || blockName === 'mail') return blockName;
      return undefined;
    case 'http':
      if (blockName === 'server') return 'http-server';
      if (blockName === 'upstream') return 'http-upstream';
      return undefined;
    case 'http-server':
      if (blockName === 'location') return 'http-location';
      if (blockName === 'if') return 'http-server-if';
      return undefined;
    case 'http-location':
      if (blockName === 'location') return 'http-location';
      if (blockName === 'if') return 'http-location-if';
      if (blockName === 'limit_except') return 'http-limit-except';
      return undefined;
    case 'stream':
      if (blockName === 'server') return 'stream-server';
      if (blockName === 'upstream') return 'stream-upstream';
      return undefined;
    case 'mail':
      if (blockName === 'server') return 'mail-server';
      return undefined;
    default:
      return undefined;
  }
}

/** The generated table stores a directive's contexts as a bit mask over NGINX_CONTEXTS. */
export function contextMask(contexts: Iterable<NginxContextName>): number {
  let mask = 0;
  for (const context of contexts) mask |= 1 << NGINX_CONTEXTS.indexOf(context);
  return mask;
}
