import { testRule } from '../../testing/rule-tester.ts';
import { invalidValue } from './nginx-invalid-value.ts';

testRule(invalidValue);
