import { testRule } from '../../testing/rule-tester.ts';
import { proxyCacheUserData } from './nginx-proxy-cache-user-data.ts';

testRule(proxyCacheUserData);
