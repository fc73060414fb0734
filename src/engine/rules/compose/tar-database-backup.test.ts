import { testRule } from '../../testing/rule-tester.ts';
import { tarDatabaseBackup } from './tar-database-backup.ts';

testRule(tarDatabaseBackup);
