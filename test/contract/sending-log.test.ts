import { describeSendingLogContract } from './sending-log.contract.js';
import { dynamoSendingLog, memorySendingLog } from './sides.js';

describeSendingLogContract('memory fake', memorySendingLog);
describeSendingLogContract('DynamoDB adapter on DynamoDB Local', dynamoSendingLog);
