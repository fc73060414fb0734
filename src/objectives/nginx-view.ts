import type { CheckResult } from '../engine/check.ts';

// Objectives read the nginx tree the engine parsed once (`CheckResult.nginx[].config`,
// see src/engine/nginx/ast.ts). Only the few fields below are used, declared
// structurally so these predicates compile against any engine version that
// keeps them, and find nothing (objective unmet) on one that does not.

export interface NginxNodeView {
  kind: 'directive' | 'block';
  name: string;
  args: readonly { value: string }[];
  children?: readonly NginxNodeView[];
}

export interface FoundNode {
  node: NginxNodeView;
  /** Enclosing blocks, outermost first. */
  path: NginxNodeView[];
}

/** The top-level nodes of the nginx file at `path`, or undefined when it is absent or unparsed. */
export function nginxRoots(result: CheckResult, path: string): readonly NginxNodeView[] | undefined {
  for (const context of result.nginx) {
    const parsed = context as unknown as { file: { path: string }; config?: { children?: readonly NginxNodeView[] } };
    if (parsed.file.path === path) return parsed.config?.children;
  }
  return undefined;
}

export function findAll(roots: readonly NginxNodeView[] | undefined, name: string): FoundNode[] {
  const found: FoundNode[] = [];
  const walk = (nodes: readonly NginxNodeView[], path: NginxNodeView[]): void => {
    for (const node of nodes) {
      if (node.name === name) found.push({ node, path });
      if (node.children) walk(node.children, [...path, node]);
    }
  };
  walk(roots ?? [], []);
  return found;
}

export function args(node: NginxNodeView): string[] {
  return node.args.map((arg) => arg.value);
}

/** `location <modifier?> <uri>` blocks whose URI (and modifier, if given) match. */
export function locations(roots: readonly NginxNodeView[] | undefined, uri: string, modifier?: string): NginxNodeView[] {
  return findAll(roots, 'location')
    .map(({ node }) => node)
    .filter((node) => {
      const values = args(node);
      return modifier === undefined ? values.length === 1 && values[0] === uri : values.length === 2 && values[0] === modifier && values[1] === uri;
    });
}

/** Direct children of a block named `name`. */
export function childrenNamed(block: NginxNodeView, name: string): NginxNodeView[] {
  return (block.children ?? []).filter((child) => child.name === name);
}
