// Prints the engine's agreement with docker compose on the real-world corpus, and every disagreement.
//   node scripts/oracle/real-world/measure-compose.ts [mutants]
import { composeAgreement, printAgreement } from './agreement.ts';

printAgreement(composeAgreement(process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose'), true);
