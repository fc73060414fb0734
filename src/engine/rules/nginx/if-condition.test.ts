import { testRule } from '../../testing/rule-tester.ts';
import { ifCondition } from './if-condition.ts';

testRule(ifCondition);
