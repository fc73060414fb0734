import { testRule } from '../../testing/rule-tester.ts';
import { duplicateUpstream } from './nginx-duplicate-upstream.ts';

testRule(duplicateUpstream);
