import { testRule } from '../../testing/rule-tester.ts';
import { undefinedSecret } from './undefined-secret.ts';

testRule(undefinedSecret);
