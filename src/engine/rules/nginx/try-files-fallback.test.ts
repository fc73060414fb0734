import { testRule } from '../../testing/rule-tester.ts';
import { tryFilesFallback } from './try-files-fallback.ts';

testRule(tryFilesFallback);
