import { testRule } from '../../testing/rule-tester.ts';
import { publishedDatabasePort } from './published-database-port.ts';

testRule(publishedDatabasePort);
