import { testRule } from '../../testing/rule-tester.ts';
import { productionRestartPolicy } from './production-restart-policy.ts';

testRule(productionRestartPolicy);
