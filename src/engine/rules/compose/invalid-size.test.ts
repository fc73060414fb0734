import { testRule } from '../../testing/rule-tester.ts';
import { invalidSize } from './invalid-size.ts';

testRule(invalidSize);
