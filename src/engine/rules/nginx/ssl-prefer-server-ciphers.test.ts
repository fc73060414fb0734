import { testRule } from '../../testing/rule-tester.ts';
import { sslPreferServerCiphers } from './ssl-prefer-server-ciphers.ts';

testRule(sslPreferServerCiphers);
