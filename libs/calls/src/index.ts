export * from './calls/call.entity.js';
export * from './fields/research-field.entity.js';
export * from './programs/program.entity.js';

import { CalendarToken, Call, CallAgency, CallCriterion, CallField, CallTrack, CallWatch } from './calls/call.entity.js';
import { ResearchField } from './fields/research-field.entity.js';
import { Program } from './programs/program.entity.js';

/** Entities owned by the calls feature. */
export const callEntities = [ResearchField, Program, Call, CallAgency, CallTrack, CallCriterion, CallField, CallWatch, CalendarToken];
export * from './calls.module.js';
export * from './rules/call-status.js';
export * from './rules/call-timeline.js';
export { CallPermission } from './calls/calls-access.repository.js';
export * from './calls/calls.service.js';
export { CallDto } from './calls/dto/call-output.dto.js';
export * from './rules/zoned-time.js';
export * from './calls/calls.repository.js';
// For wiring outside Nest (the benchmark's baseline server).
export { CallsAccessRepository } from './calls/calls-access.repository.js';
