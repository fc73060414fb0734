// Every rule's examples are its tests (and its documentation page): one
// table per rule, run through the whole engine by the rule tester.
import { catalogue } from './catalogue.ts';
import { testRule } from '../testing/rule-tester.ts';

for (const rule of catalogue) testRule(rule);
