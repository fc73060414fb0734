// The extreme inputs the engine must survive, shared by the property tests
// (which check the answers are sound) and the benchmark (which times them
// against the 50 ms goal): one generator, so both speak of the same files.

/** About 10,000 lines: 1,430 small services, each with a port, a network and a variable. */
export function composeOf10000Lines(): string {
  const services = Array.from(
    { length: 1430 },
    (_, i) => `  svc${i}:\n    image: nginx:1.30-alpine\n    ports: ["${10000 + i}:80"]\n    networks: [front]\n    restart: unless-stopped\n    environment:\n      INDEX: "${i}"`,
  );
  return `services:\n${services.join('\n')}\nnetworks:\n  front: {}\n`;
}

/** A YAML alias bomb: `depth` levels of lists each holding `width` aliases of the level below. */
export function aliasBomb(width: number, depth: number): string {
  const lines = [`x-a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < depth; i++) lines.push(`x-a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push(`services:\n  web:\n    image: nginx:1.30-alpine\n    labels: *a${depth - 1}`);
  return lines.join('\n');
}

/** A conf.d file of at least 10,000 lines, made of `block` repeated. */
export function nginxOf10000Lines(block: string): string {
  const text = block.endsWith('\n') ? block : `${block}\n`;
  const linesPerBlock = text.split('\n').length - 1;
  return text.repeat(Math.ceil(10_000 / linesPerBlock));
}

/** `depth` locations nested in one another. */
export function nestedNginxLocations(depth: number): string {
  return `server {\n${'location / {\n'.repeat(depth)}root /srv;\n${'}\n'.repeat(depth)}}\n`;
}
