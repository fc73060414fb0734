import { testRule } from '../../testing/rule-tester.ts';
import { dependencyCycle } from './dependency-cycle.ts';

testRule(dependencyCycle);
