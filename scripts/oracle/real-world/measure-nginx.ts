// Prints the engine's agreement with nginx -t on the real-world corpus, and every disagreement.
//   node scripts/oracle/real-world/measure-nginx.ts [mutants]
import { nginxAgreement, printAgreement } from './agreement.ts';

printAgreement(nginxAgreement(process.argv[2] === 'mutants' ? 'nginx-mutants' : 'nginx'), true);
