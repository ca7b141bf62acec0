import { Module, type OnModuleInit } from '@nestjs/common';
import { ApplicationsModule, SubmissionParts } from '#applications';
import { CallsModule } from '#calls';
import { AccessService, IdentityModule } from '#identity';
import { type AppConfig, APP_CONFIG, JobQueue } from '#platform';
import { DocumentsAccessRepository } from './documents/documents-access.repository.js';
import { DocumentsController } from './documents/documents.controller.js';
import { DocumentsRepository } from './documents/documents.repository.js';
import { DocumentsService } from './documents/documents.service.js';
import { createDocumentStorage, type DocumentStorage } from './storage/document-storage.js';
import { DOCUMENT_STORAGE } from './storage/storage-token.js';

export const DOCUMENTS_CLEAN_UP_QUEUE = 'documents.clean-up';

/** Proposal documents: per-call requirements, streamed uploads, immutable versions, their part of each submission. */
@Module({
  imports: [IdentityModule, CallsModule, ApplicationsModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsRepository,
    DocumentsAccessRepository,
    DocumentsService,
    {
      provide: DOCUMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<DocumentStorage> => {
        const storage = createDocumentStorage(config.documents.storage);
        await storage.ready();
        return storage;
      },
    },
  ],
  exports: [DocumentsService],
})
export class DocumentsModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly rules: DocumentsAccessRepository,
    private readonly parts: SubmissionParts,
    private readonly documents: DocumentsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.rules.registerWith(this.access);
    this.parts.register(this.documents);
    this.jobs.define({ name: DOCUMENTS_CLEAN_UP_QUEUE, cron: '53 * * * *', expireInSeconds: 600 }, async () => {
      await this.documents.cleanUp();
    });
  }
}
