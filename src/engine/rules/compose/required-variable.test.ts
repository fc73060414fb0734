import { testRule } from '../../testing/rule-tester.ts';
import { requiredVariable } from './required-variable.ts';

testRule(requiredVariable);
