import { testRule } from '../../testing/rule-tester.ts';
import { redisHealthcheckAuth } from './redis-healthcheck-auth.ts';

testRule(redisHealthcheckAuth);
