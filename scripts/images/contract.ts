// The contract file of a stand-in image (scripts/images/<name>/contract.json):
// what the official image has, each entry citing the line of the official
// Dockerfile or entrypoint it comes from. Read by tests/images/contracts.test.ts
// (against the built stand-in) and checked for shape by contract.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const source = z.object({
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  path: z.string().min(1),
  /** A line, or a range written `12-13`. */
  line: z.union([z.number().int().positive(), z.string().regex(/^\d+-\d+$/)]),
});

export const contractSchema = z.object({
  image: z.string(),
  note: z.string(),
  config: z.array(z.object({ field: z.enum(['Entrypoint', 'Cmd', 'StopSignal', 'ExposedPorts', 'WorkingDir', 'Volumes']), value: z.union([z.string(), z.array(z.string())]), source, why: z.string().optional() })),
  tools: z.array(z.object({ name: z.string(), present: z.boolean(), source, why: z.string().optional() })),
  users: z.array(z.object({ name: z.string(), uid: z.number().int(), gid: z.number().int(), source })),
  env: z.array(z.object({ name: z.string(), value: z.string(), source, standIn: z.string().optional(), why: z.string().optional() })),
  behaviours: z.array(z.object({ what: z.string(), checkedBy: z.string(), source })),
});

export type Contract = z.infer<typeof contractSchema>;

export const STAND_INS = ['node', 'postgres', 'redis', 'nginx'] as const;

export function readContract(name: (typeof STAND_INS)[number]): Contract {
  return contractSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, name, 'contract.json'), 'utf8')));
}
