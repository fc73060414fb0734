// Prints the engine's agreement with the compose ↔ nginx verdicts (record-cross.ts), per mutation, and every disagreement.
//   node scripts/oracle/real-world/measure-cross.ts [mutants]
import { crossAgreement, printAgreement } from './agreement.ts';

printAgreement(crossAgreement(process.argv[2] === 'mutants' ? 'cross-mutants' : 'cross'), true);
