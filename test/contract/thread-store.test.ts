import { describeThreadStoreContract } from './thread-store.contract.js';
import { dynamoThreadStore, memoryThreadStore } from './sides.js';

describeThreadStoreContract('memory fake', memoryThreadStore);
describeThreadStoreContract('DynamoDB adapter on DynamoDB Local', dynamoThreadStore);
