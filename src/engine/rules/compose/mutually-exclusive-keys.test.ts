import { testRule } from '../../testing/rule-tester.ts';
import { mutuallyExclusiveKeys } from './mutually-exclusive-keys.ts';

testRule(mutuallyExclusiveKeys);
