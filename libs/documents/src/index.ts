export * from './documents/document.entity.js';
export * from './documents.module.js';
