import { testRule } from '../../testing/rule-tester.ts';
import { sslPreferServerCiphers } from './nginx-ssl-prefer-server-ciphers.ts';

testRule(sslPreferServerCiphers);
