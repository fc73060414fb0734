import { testRule } from '../../testing/rule-tester.ts';
import { invalidDuration } from './invalid-duration.ts';

testRule(invalidDuration);
