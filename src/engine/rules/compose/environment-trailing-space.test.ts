import { testRule } from '../../testing/rule-tester.ts';
import { environmentTrailingSpace } from './environment-trailing-space.ts';

testRule(environmentTrailingSpace);
