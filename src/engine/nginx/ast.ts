// The nginx configuration model every nginx and cross-file rule reads. It is
// built once per file by `parse.ts`; positions are 1-based, `end` exclusive.
import type { Range } from '../types.ts';

/** One word as nginx reads it: `value` has escapes resolved and quotes removed. */
export interface NginxWord {
  value: string;
  /** The text as written, quotes and backslashes included. */
  raw: string;
  quote: '"' | "'" | null;
  range: Range;
}

interface NodeBase {
  name: string;
  nameRange: Range;
  args: NginxWord[];
  /** From the first character of the name to the `;` or `}` (or the last word read). */
  range: Range;
}

/** A simple directive: `name args… ;`. */
export interface NginxDirective extends NodeBase {
  kind: 'directive';
  /** False when the file ended or a `}` came before the `;` (a parse error was reported). */
  terminated: boolean;
  /** The `;`, when present. */
  terminatorRange: Range | undefined;
}

/** A block directive: `name args… { children }`. */
export interface NginxBlock extends NodeBase {
  kind: 'block';
  children: NginxNode[];
  /** The `{`. */
  openRange: Range;
  /** The matching `}`, or undefined when the file ended first. */
  closeRange: Range | undefined;
  /**
   * True for blocks whose body is not made of directives (`map`, `types`,
   * `geo`, `split_clients`, `match`, `charset_map`): nginx hands each line to
   * the block's own handler, so their children are entries, not directives.
   */
  generic: boolean;
}

export type NginxNode = NginxDirective | NginxBlock;

export type NginxParseErrorCode =
  /** `}` while words were pending (a `;` is missing) or outside any block. */
  | 'unexpected-close-brace'
  /** The file ended inside a block. */
  | 'unexpected-eof-expecting-brace'
  /** The file ended in the middle of a directive (missing `;`, unbalanced quote). */
  | 'unexpected-eof-expecting-semicolon'
  /** A character right after a closing quote, or a `;`/`{` with no directive name. */
  | 'unexpected-character'
  /** Blocks nested deeper than we read (not an nginx error: our bound, issue #14). */
  | 'too-deep';

export interface NginxParseError {
  code: NginxParseErrorCode;
  /** Where nginx stops: the line it names in its message. */
  range: Range;
  /** For `unexpected-character`, the character. */
  character?: string;
}

export interface NginxComment {
  text: string;
  range: Range;
}

export interface NginxConfig {
  kind: 'config';
  children: NginxNode[];
  /** The first errors of the file, up to a bound; `moreErrors` counts the others. */
  errors: NginxParseError[];
  moreErrors: number;
  comments: NginxComment[];
}

/** A node with the chain of enclosing blocks, outermost first. */
export interface NodeWithPath<N extends NginxNode = NginxNode> {
  node: N;
  path: NginxBlock[];
}

/**
 * Enclosing blocks as a linked list, turned into an array only when asked
 * for (and then once): copying the whole path for every block made a walk
 * quadratic in the nesting depth (2,000 nested locations: 2 million copies).
 */
export interface BlockPath {
  readonly block: NginxBlock;
  readonly up: BlockPath | undefined;
  readonly depth: number;
  array?: NginxBlock[];
}

const NO_BLOCKS: readonly NginxBlock[] = Object.freeze([]);

export function extendPath(up: BlockPath | undefined, block: NginxBlock): BlockPath {
  return { block, up, depth: (up?.depth ?? 0) + 1 };
}

/** The blocks of a path, outermost first. The array is shared: do not modify it. */
export function blocksOf(path: BlockPath | undefined): NginxBlock[] {
  if (!path) return NO_BLOCKS as NginxBlock[];
  if (!path.array) {
    const array = new Array<NginxBlock>(path.depth);
    for (let link: BlockPath | undefined = path; link; link = link.up) array[link.depth - 1] = link.block;
    path.array = array;
  }
  return path.array;
}

/**
 * Depth-first, in source order, every node with its enclosing blocks
 * (`blocksOf(path)` for the array). Iterative: nesting depth is the learner's.
 */
export function walk(nodes: readonly NginxNode[], visit: (node: NginxNode, path: BlockPath | undefined) => void): void {
  const stack: { children: readonly NginxNode[]; next: number; path: BlockPath | undefined }[] = [{ children: nodes, next: 0, path: undefined }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    const node = level.children[level.next++];
    if (!node) {
      stack.pop();
      continue;
    }
    visit(node, level.path);
    if (node.kind === 'block') stack.push({ children: node.children, next: 0, path: extendPath(level.path, node) });
  }
}

/** Every directive or block named `name` anywhere in the file, with its block path. */
export function findAll(config: NginxConfig | readonly NginxNode[], name: string): NodeWithPath[] {
  const found: NodeWithPath[] = [];
  walk('kind' in config ? config.children : config, (node, path) => {
    if (node.name === name) found.push({ node, path: blocksOf(path) });
  });
  return found;
}

const SCANNED_CHILDREN = 16;
const childIndex = new WeakMap<NginxBlock | NginxConfig, Map<string, NginxNode[]>>();

/**
 * Direct children named `name` (one level). A large block is indexed once: rules ask this per server and per location.
 * A small one is scanned: thousands of small servers each indexed in a WeakMap cost more, mostly in the garbage collector.
 */
export function childrenNamed(block: NginxBlock | NginxConfig, name: string): NginxNode[] {
  const { children } = block;
  if (children.length <= SCANNED_CHILDREN) {
    const found: NginxNode[] = [];
    for (const child of children) if (child.name === name) found.push(child);
    return found;
  }
  let index = childIndex.get(block);
  if (!index) {
    index = new Map();
    for (const child of block.children) {
      const list = index.get(child.name);
      if (list) list.push(child);
      else index.set(child.name, [child]);
    }
    childIndex.set(block, index);
  }
  return index.get(name) ?? [];
}

/** The argument values, handy for comparisons. */
export function argValues(node: NginxNode): string[] {
  return node.args.map((arg) => arg.value);
}
