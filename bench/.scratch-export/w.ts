import { parentPort } from 'node:worker_threads';
import { SCHEMA_VERSION } from '../../shared/board';
const x: number = SCHEMA_VERSION;
parentPort!.postMessage({ x });
