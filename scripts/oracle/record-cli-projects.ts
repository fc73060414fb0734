// Records what the real `docker compose config --services` answers on the CLI's
// project fixtures (src/cli/fixtures/projects/cases.json), into
// src/cli/fixtures/projects/compose-answers.json. src/cli/compose-oracle.test.ts
// compares the CLI with these answers, and with the tool itself when it is there.
//   npm run oracle:cli-projects     (binary from $DOCKER_COMPOSE, else the forky rootfs)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { askCompose, composeBinary, composeVersion, loadCases, ANSWERS_PATH } from './cli-projects.ts';

const binary = composeBinary();
const answers = Object.fromEntries(Object.entries(loadCases()).map(([name, testCase]) => [name, askCompose(binary, testCase)]));
writeFileSync(ANSWERS_PATH, `${JSON.stringify({ tool: `docker compose ${composeVersion(binary)}`, command: 'docker compose [args] config --services', answers }, null, 2)}\n`);
console.log(`recorded ${Object.keys(answers).length} answers into ${fileURLToPath(new URL(`file://${ANSWERS_PATH}`))}`);
