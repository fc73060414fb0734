import { testRule } from '../../testing/rule-tester.ts';
import { unknownVariable } from './unknown-variable.ts';

testRule(unknownVariable);
