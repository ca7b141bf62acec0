export * from './rules/form-definition.js';
export * from './rules/form-schema.js';
export * from './rules/answer-validation.js';
export * from './rules/form-versions.js';
export * from './rules/answer-columns.js';
export * from './forms/form.entity.js';
export * from './forms.module.js';
