import { CreateOrganisations1795358290448 } from './1795358290448-CreateOrganisations.js';
import { CreateIdentityAndAudit1795358944606 } from './1795358944606-CreateIdentityAndAudit.js';

/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const migrations = [CreateOrganisations1795358290448, CreateIdentityAndAudit1795358944606];
