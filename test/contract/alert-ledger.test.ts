import { describeAlertLedgerContract } from './alert-ledger.contract.js';
import { dynamoAlertLedger, memoryAlertLedger } from './sides.js';

describeAlertLedgerContract('memory fake', memoryAlertLedger);
describeAlertLedgerContract('DynamoDB adapter on DynamoDB Local', dynamoAlertLedger);
