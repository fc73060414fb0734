import { testRule } from '../../testing/rule-tester.ts';
import { conflictingServerName } from './conflicting-server-name.ts';

testRule(conflictingServerName);
