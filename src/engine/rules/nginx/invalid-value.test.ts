import { testRule } from '../../testing/rule-tester.ts';
import { invalidValue } from './invalid-value.ts';

testRule(invalidValue);
