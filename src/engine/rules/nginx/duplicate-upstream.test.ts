import { testRule } from '../../testing/rule-tester.ts';
import { duplicateUpstream } from './duplicate-upstream.ts';

testRule(duplicateUpstream);
