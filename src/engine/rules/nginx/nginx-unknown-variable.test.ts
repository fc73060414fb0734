import { testRule } from '../../testing/rule-tester.ts';
import { unknownVariable } from './nginx-unknown-variable.ts';

testRule(unknownVariable);
