/** Injection token of the DocumentStorage the configuration chose. */
export const DOCUMENT_STORAGE = Symbol('DocumentStorage');
