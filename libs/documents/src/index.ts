export * from './documents/document.entity.js';
