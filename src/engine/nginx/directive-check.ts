// One pass over a file's nodes that answers, per node, the first check
// `ngx_conf_handler` fails (unknown name, context, `;`/`{`, argument count),
// then the value checks. The directive rules only read these verdicts, so
// the file is walked once however many rules there are, and the rules agree
// with each other on what was already reported.
import { firstInvalidArgument, type InvalidArgument } from './argument-values.ts';
import type { NginxContext, NodeInfo } from './context.ts';
import { applicableSpecs, isCheckedNode, isUnterminated, missingSemicolonAt } from './directive-lookup.ts';
import { directiveSpecs, type DirectiveSpec } from './directive-spec.ts';

export type DirectiveVerdict =
  | { kind: 'unknown'; info: NodeInfo; /** Set when the name belongs to a module the image does not build. */ module: string | undefined }
  | { kind: 'not-allowed'; info: NodeInfo }
  | { kind: 'block-mismatch'; info: NodeInfo }
  | { kind: 'argument-count'; info: NodeInfo; min: number; max: number }
  | { kind: 'missing-semicolon'; info: NodeInfo; /** Index of the argument that starts the next directive. */ at: number; /** nginx fails on the glued line too. */ rejected: boolean }
  | { kind: 'invalid-value'; info: NodeInfo; invalid: InvalidArgument };

function countFits(specs: readonly DirectiveSpec[], count: number): boolean {
  return specs.some((spec) => count >= spec.minArgs && count <= spec.maxArgs);
}

function verdictsOf(info: NodeInfo): DirectiveVerdict[] {
  const { node } = info;
  const all = directiveSpecs(node.name);
  if (!all.some((spec) => spec.builtIn)) return [{ kind: 'unknown', info, module: all[0]?.module }];
  const semicolon = missingSemicolonAt(node);
  const specs = applicableSpecs(info);
  if (semicolon !== undefined) {
    const sameKind = specs.filter((spec) => spec.block === (node.kind === 'block'));
    const rejected = specs.length > 0 && (sameKind.length === 0 || !countFits(sameKind, node.args.length) || firstInvalidArgument(info) !== undefined);
    return [{ kind: 'missing-semicolon', info, at: semicolon, rejected }];
  }
  if (info.context !== undefined && specs.length === 0) return [{ kind: 'not-allowed', info }];
  if (isUnterminated(node) || specs.length === 0) return [];
  const sameKind = specs.filter((spec) => spec.block === (node.kind === 'block'));
  if (sameKind.length === 0) return [{ kind: 'block-mismatch', info }];
  if (!countFits(sameKind, node.args.length)) {
    return [{ kind: 'argument-count', info, min: Math.min(...sameKind.map((s) => s.minArgs)), max: Math.max(...sameKind.map((s) => s.maxArgs)) }];
  }
  const invalid = firstInvalidArgument(info);
  return invalid ? [{ kind: 'invalid-value', info, invalid }] : [];
}

const cache = new WeakMap<NginxContext, DirectiveVerdict[]>();

/** The problems of every checked node of the file, in source order (computed once per file). */
export function directiveVerdicts(context: NginxContext): readonly DirectiveVerdict[] {
  let verdicts = cache.get(context);
  if (!verdicts) {
    verdicts = [];
    for (const info of context.nodes) if (isCheckedNode(info)) verdicts.push(...verdictsOf(info));
    cache.set(context, verdicts);
  }
  return verdicts;
}
