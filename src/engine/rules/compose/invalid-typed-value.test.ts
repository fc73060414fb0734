import { testRule } from '../../testing/rule-tester.ts';
import { invalidTypedValue } from './invalid-typed-value.ts';

testRule(invalidTypedValue);
