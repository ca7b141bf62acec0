import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { WorkerModule, type WorkerRuntime } from './worker.module.js';

export async function createWorker(runtime: WorkerRuntime): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true, abortOnError: false });
  worker.useLogger(worker.get(Logger));
  worker.flushLogs();
  await worker.init();
  return worker;
}
