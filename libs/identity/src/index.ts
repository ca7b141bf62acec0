export * from './identifiers/identifiers.js';
export * from './identifiers/identifier.validators.js';
export * from './organisations/organisation.entity.js';
export * from './users/roles.js';
export * from './users/user.entity.js';
export * from './auth/auth-session.entity.js';
export * from './invitations/invitation.entity.js';

import { AuthSession, LoginFailure, RefreshToken } from './auth/auth-session.entity.js';
import { Invitation } from './invitations/invitation.entity.js';
import { Organisation } from './organisations/organisation.entity.js';
import { User } from './users/user.entity.js';

/** Entities owned by the identity feature. */
export const identityEntities = [Organisation, User, AuthSession, RefreshToken, LoginFailure, Invitation];
export * from './access/access.service.js';
export * from './access/current-user.decorator.js';
export * from './access/principal.js';
export * from './access/route-declarations.js';
export * from './auth/passwords.js';
export * from './invitations/invitations.service.js';
export * from './identity.module.js';
export * from './access/permissions.js';
export * from './auth/session-listener.js';
export * from './auth/session-cache.js';
export { WritePositions } from './auth/write-positions.js';
export { ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims, AuthService } from './auth/auth.service.js';
