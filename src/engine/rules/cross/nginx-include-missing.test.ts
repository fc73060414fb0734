import { testRule } from '../../testing/rule-tester.ts';
import { nginxIncludeMissing } from './nginx-include-missing.ts';

testRule(nginxIncludeMissing);
