import { testRule } from '../../testing/rule-tester.ts';
import { publishedPortNotListened } from './published-port-not-listened.ts';

testRule(publishedPortNotListened);
