import { testRule } from '../../testing/rule-tester.ts';
import { proxyCacheUserData } from './proxy-cache-user-data.ts';

testRule(proxyCacheUserData);
