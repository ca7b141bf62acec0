export * from './documents/document.entity.js';
export * from './documents.module.js';
export { createDocumentStorage, type DocumentStorage, newStorageKey } from './storage/document-storage.js';
