import { testRule } from '../../testing/rule-tester.ts';
import { unsetVariable } from './unset-variable.ts';

testRule(unsetVariable);
