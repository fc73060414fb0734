import { testRule } from '../../testing/rule-tester.ts';
import { securityHeaders } from './nginx-security-headers.ts';

testRule(securityHeaders);
