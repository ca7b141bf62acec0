export * from './documents/document.entity.js';
export * from './documents.module.js';
export { createDocumentStorage, type DocumentStorage, newStorageKey } from './storage/document-storage.js';
// For the tests and tools that drive the feature directly (the clean-up job).
export { DocumentsService } from './documents/documents.service.js';
export { DOCUMENT_STORAGE as DOCUMENT_STORAGE_TOKEN } from './storage/storage-token.js';
