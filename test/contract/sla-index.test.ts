import { describeSlaIndexContract } from './sla-index.contract.js';
import { dynamoSlaIndex, memorySlaIndex } from './sides.js';

describeSlaIndexContract('memory fake', memorySlaIndex);
describeSlaIndexContract('DynamoDB adapter on DynamoDB Local', dynamoSlaIndex);
