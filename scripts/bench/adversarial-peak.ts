// Peak memory of one checkProject call on one adversarial family, in a fresh
// process so the peak is that call's: `node adversarial-peak.ts <family index> <bytes>`
// prints the growth of the resident set (maxRSS after the call minus RSS
// before it, after a warm-up call on a small input), in bytes.
import { checkProject } from '../../src/engine/check.ts';
import { adversarialFamilies } from '../../src/engine/testing/adversarial-inputs.ts';

const family = adversarialFamilies[Number(process.argv[2])];
if (!family) throw new Error(`no family ${process.argv[2]}`);
checkProject(family.make(4096));
const files = family.make(Number(process.argv[3]));
const before = process.memoryUsage().rss;
checkProject(files);
process.stdout.write(String(process.resourceUsage().maxRSS * 1024 - before));
