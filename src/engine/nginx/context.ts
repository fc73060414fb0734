// What every nginx rule receives: one file parsed once, its role in the
// official image's layout, and each node with its block path and the nginx
// context it sits in. The cross-file rules read the same objects.
import { blocksOf, extendPath, walk, type BlockPath, type NginxBlock, type NginxConfig, type NginxNode } from './ast.ts';
import { isKnownDirective } from './directive-spec.ts';
import { childContext, type NginxContextName } from './nginx-contexts.ts';
import { parseNginx } from './parse.ts';
import type { ProjectFile, Range } from '../types.ts';

/**
 * - `main`: a complete nginx.conf (it has `http`, `events`, `stream` or `mail` at the top).
 * - `http-include`: a file the official image includes inside `http {}`
 *   (`conf.d/*.conf`, `templates/*.conf.template` rendered into conf.d), so a
 *   top-level `server` is right there.
 * - `fragment`: any other included piece (`snippets/proxy.conf`): we do not know
 *   where it is included, so top-level context checks are skipped.
 */
export type NginxFileRole = 'main' | 'http-include' | 'fragment';

export interface NodeInfo<N extends NginxNode = NginxNode> {
  node: N;
  /** Enclosing blocks, outermost first (built on first use; shared, do not modify). */
  readonly path: NginxBlock[];
  /** The innermost enclosing block, undefined at the top of the file. */
  readonly parent: NginxBlock | undefined;
  /**
   * The nginx context the node sits in; undefined inside a generic block
   * (`map`, `types`…), inside a block nginx would reject, or at the top of a fragment.
   */
  context: NginxContextName | undefined;
  /** True inside `map`, `types`, `geo`… bodies: entries, not directives. */
  inGeneric: boolean;
  /** Some enclosing block has a name nginx does not know (it stops there, so neither do we). */
  inUnknownBlock: boolean;
}

export interface TemplateVariable {
  name: string;
  range: Range;
}

export interface NginxContext {
  file: ProjectFile;
  /** Every nginx file of the project, so `include` can be followed. */
  project: ProjectFile[];
  config: NginxConfig;
  role: NginxFileRole;
  /** The context of the file's top level. */
  rootContext: NginxContextName | undefined;
  /** Where the compose project bind-mounts the file, when it does. */
  containerPath: string | undefined;
  /** A `*.conf.template` the official image renders with envsubst. */
  isTemplate: boolean;
  /** `${VAR}` placeholders of a template, in order (envsubst replaces them before nginx reads the file). */
  templateVariables: TemplateVariable[];
  /** Every node in source order. */
  nodes: NodeInfo[];
  /** Every node named `name`, in source order. */
  named(name: string): NodeInfo[];
  /**
   * The parsed nginx files of the whole project, this one included, for rules
   * that need what another file declares (a `map` in its own conf.d file).
   * Set by `checkProject`; a context made alone sees only itself.
   */
  siblings: readonly NginxContext[];
}

const MAIN_BLOCKS = new Set(['http', 'events', 'stream', 'mail']);
const HTTP_INCLUDE_DIRS = /(^|\/)(conf\.d|templates|sites-enabled|sites-available|http\.d)\//;
const HTTP_LEVEL_BLOCKS = new Set(['server', 'upstream', 'map', 'geo', 'split_clients']);
const TEMPLATE_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Where the official nginx image reads a file mounted at `containerPath`:
 * `/etc/nginx/nginx.conf` is the main file; its `http {}` includes
 * `/etc/nginx/conf.d/*.conf`; the entrypoint renders
 * `/etc/nginx/templates/*.template` with envsubst into conf.d
 * (docker-nginx's 20-envsubst-on-templates.sh). Undefined elsewhere.
 */
export function roleOfMountTarget(containerPath: string): NginxFileRole | undefined {
  if (containerPath === '/etc/nginx/nginx.conf') return 'main';
  if (/^\/etc\/nginx\/conf\.d\/[^/]+\.conf$/.test(containerPath)) return 'http-include';
  // Sub-folders are rendered into conf.d sub-folders, which `conf.d/*.conf` does not include.
  if (/^\/etc\/nginx\/templates\/[^/]+\.conf\.template$/.test(containerPath)) return 'http-include';
  return undefined;
}

export function fileRole(path: string, config: NginxConfig, containerPath?: string): NginxFileRole {
  // Where Compose mounts the file decides first: `nginx.conf` mounted as
  // /etc/nginx/conf.d/default.conf is read inside `http {}`, whatever its name.
  const mounted = containerPath === undefined ? undefined : roleOfMountTarget(containerPath);
  if (mounted) return mounted;
  // A file mounted in sites-enabled/ (read by no official image, but by any nginx.conf that includes it) is an `http {}` include, whatever its name.
  if (containerPath !== undefined && HTTP_INCLUDE_DIRS.test(containerPath)) return 'http-include';
  // Then the path: the official image includes conf.d/ inside `http {}` whatever the file holds.
  if (HTTP_INCLUDE_DIRS.test(path) || path.endsWith('.conf.template')) return 'http-include';
  if (/(^|\/)nginx\.conf$/.test(path)) return 'main';
  if (config.children.some((node) => MAIN_BLOCKS.has(node.name))) return 'main';
  if (config.children.some((node) => node.kind === 'block' && HTTP_LEVEL_BLOCKS.has(node.name))) return 'http-include';
  return 'fragment';
}

/**
 * A fragment with a top-level `location`, `listen` or `server_name` can only
 * be included inside a `server` block (the shape of the many "site snippets"
 * of reverse-proxy recipes), so its checks run in that context.
 */
function serverSnippet(config: NginxConfig): boolean {
  return config.children.some((node) => (node.kind === 'block' && node.name === 'location') || node.name === 'listen' || node.name === 'server_name');
}

function templateVariables(config: NginxConfig): TemplateVariable[] {
  const found: TemplateVariable[] = [];
  walk(config.children, (node) => {
    for (const word of [{ value: node.name, raw: node.name, range: node.nameRange }, ...node.args]) {
      for (const match of word.raw.matchAll(TEMPLATE_VARIABLE)) {
        // Positions inside a word: words never span lines unless quoted across lines; keep the word's start line.
        const column = word.range.start.column + match.index;
        found.push({
          name: match[1]!,
          range: { start: { line: word.range.start.line, column }, end: { line: word.range.start.line, column: column + match[0].length } },
        });
      }
    }
  });
  return found;
}

/** A NodeInfo whose block path becomes an array only when a rule asks for it. */
class LazyNodeInfo implements NodeInfo {
  readonly node: NginxNode;
  readonly context: NginxContextName | undefined;
  readonly inGeneric: boolean;
  readonly inUnknownBlock: boolean;
  readonly #blocks: BlockPath | undefined;

  constructor(node: NginxNode, blocks: BlockPath | undefined, context: NginxContextName | undefined, inGeneric: boolean, inUnknownBlock: boolean) {
    this.node = node;
    this.#blocks = blocks;
    this.context = context;
    this.inGeneric = inGeneric;
    this.inUnknownBlock = inUnknownBlock;
  }

  get path(): NginxBlock[] {
    return blocksOf(this.#blocks);
  }

  get parent(): NginxBlock | undefined {
    return this.#blocks?.block;
  }
}

/**
 * `containerPath`: where the compose project bind-mounts the file, when it does (see `mountTargetOf`).
 * `included`: the file is read because another nginx file of the project includes it
 * (its name alone does not say nginx): a fragment, wherever it sits.
 */
export function createNginxContext(file: ProjectFile, project: ProjectFile[], containerPath?: string, included = false): NginxContext {
  const config = parseNginx(file.text);
  const role = included ? 'fragment' : fileRole(file.path, config, containerPath);
  const rootContext: NginxContextName | undefined = role === 'main' ? 'main' : role === 'http-include' ? 'http' : serverSnippet(config) ? 'http-server' : undefined;
  // The entrypoint renders what is mounted as /etc/nginx/templates/*.template, whatever the file's name in the project.
  const isTemplate = file.path.endsWith('.conf.template') || (containerPath !== undefined && containerPath.startsWith('/etc/nginx/templates/') && containerPath.endsWith('.template'));

  const nodes: NodeInfo[] = [];
  // An explicit stack rather than recursion: a learner's file may nest deeper than the call stack.
  interface Level {
    children: readonly NginxNode[];
    next: number;
    path: BlockPath | undefined;
    context: NginxContextName | undefined;
    inGeneric: boolean;
    inUnknownBlock: boolean;
  }
  const stack: Level[] = [{ children: config.children, next: 0, path: undefined, context: rootContext, inGeneric: false, inUnknownBlock: false }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    const node = level.children[level.next++];
    if (!node) {
      stack.pop();
      continue;
    }
    nodes.push(new LazyNodeInfo(node, level.path, level.context, level.inGeneric, level.inUnknownBlock));
    if (node.kind === 'block') {
      const generic = level.inGeneric || node.generic;
      stack.push({
        children: node.children,
        next: 0,
        path: extendPath(level.path, node),
        context: level.context === undefined || generic ? undefined : childContext(level.context, node.name),
        inGeneric: generic,
        inUnknownBlock: level.inUnknownBlock || (!generic && !isKnownDirective(node.name)),
      });
    }
  }

  const byName = new Map<string, NodeInfo[]>();
  for (const info of nodes) {
    const list = byName.get(info.node.name);
    if (list) list.push(info);
    else byName.set(info.node.name, [info]);
  }

  const context: NginxContext = {
    file,
    project,
    siblings: [],
    config,
    role,
    rootContext,
    containerPath,
    isTemplate,
    templateVariables: isTemplate ? templateVariables(config) : [],
    nodes,
    named: (name) => byName.get(name) ?? [],
  };
  context.siblings = [context];
  return context;
}
