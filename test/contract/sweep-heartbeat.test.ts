import { describeSweepHeartbeatContract } from './sweep-heartbeat.contract.js';
import { dynamoSweepHeartbeat, memorySweepHeartbeat } from './sides.js';

describeSweepHeartbeatContract('memory fake', memorySweepHeartbeat);
describeSweepHeartbeatContract('DynamoDB adapter on DynamoDB Local', dynamoSweepHeartbeat);
