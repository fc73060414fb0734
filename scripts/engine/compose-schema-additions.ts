// Keys the Compose Specification gained after the schema we copy from the
// `dclint` package (src/engine/compose/schema/README.md), written here from
// compose-go's schema/compose-spec.json (compose-spec/compose-go at
// faa67b213c471d63997f55cc145e6eab9dc3630f, July 2026) so the engine accepts
// what Compose 5.x accepts. Which Compose release each key needs is in
// src/engine/compose/newer-keys.ts; the `newer-compose-key` rule says it.

type Schema = Record<string, unknown>;

function objectAt(schema: Schema, path: readonly string[]): Schema {
  let node: unknown = schema;
  for (const key of path) {
    node = (node as Record<string, unknown>)[key];
    if (node === undefined || node === null || typeof node !== 'object') throw new Error(`schema has no ${path.join('.')}`);
  }
  return node as Schema;
}

export function addNewerKeys(schema: Schema): void {
  const definitions = objectAt(schema, ['definitions']);
  const service = objectAt(definitions, ['service', 'properties']);
  const build = objectAt(definitions, ['service', 'properties', 'build', 'oneOf', '1', 'properties']);
  const watch = objectAt(definitions, ['development', 'properties', 'watch', 'items', 'properties']);
  const boolOrString = { type: ['boolean', 'string'] };

  build['provenance'] = { ...boolOrString, description: 'Add a provenance attestation to the built image.' };
  build['sbom'] = { ...boolOrString, description: 'Add an SBOM attestation to the built image.' };
  build['no_cache_filter'] = { $ref: '#/definitions/string_or_list', description: 'Build stages to rebuild without cache.' };
  watch['initial_sync'] = { type: 'boolean', description: 'Synchronise the watched files once before watching.' };
  definitions['pre_start_hook'] = {
    type: 'object',
    description: 'A one-off container run to completion before the service container starts.',
    properties: {
      command: { $ref: '#/definitions/command' },
      image: { type: 'string' },
      user: { type: 'string' },
      privileged: boolOrString,
      working_dir: { type: 'string' },
      environment: { $ref: '#/definitions/list_or_dict' },
      per_replica: boolOrString,
    },
    additionalProperties: false,
    patternProperties: { '^x-': {} },
  };
  service['pre_start'] = { type: 'array', items: { $ref: '#/definitions/pre_start_hook' }, description: 'Containers run to completion, in order, before the service starts.' };
}
