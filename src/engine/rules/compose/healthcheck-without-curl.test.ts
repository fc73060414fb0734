import { testRule } from '../../testing/rule-tester.ts';
import { healthcheckWithoutCurl } from './healthcheck-without-curl.ts';

testRule(healthcheckWithoutCurl);
