import { testRule } from '../../testing/rule-tester.ts';
import { tryFilesFallback } from './nginx-try-files-fallback.ts';

testRule(tryFilesFallback);
