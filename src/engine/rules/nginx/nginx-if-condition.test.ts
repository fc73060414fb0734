import { testRule } from '../../testing/rule-tester.ts';
import { ifCondition } from './nginx-if-condition.ts';

testRule(ifCondition);
