import { testRule } from '../../testing/rule-tester.ts';
import { conflictingServerName } from './nginx-conflicting-server-name.ts';

testRule(conflictingServerName);
