import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '#platform';
import type { FindPersonQueryDto, PersonDto } from './dto/person.dto.js';
import { PeopleRepository, type PersonKey } from './people.repository.js';

@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  /** The active account with exactly this e-mail address or ORCID iD; not found otherwise, disabled accounts included. */
  async find(query: FindPersonQueryDto): Promise<PersonDto> {
    const person = await this.people.findActive(personKey(query));
    if (!person) throw new NotFoundError('person');
    return person;
  }
}

function personKey(query: FindPersonQueryDto): PersonKey {
  if (query.email !== undefined && query.orcid === undefined) return { email: query.email };
  if (query.orcid !== undefined && query.email === undefined) return { orcid: query.orcid };
  throw new ValidationFailedError(
    [{ field: query.email === undefined ? 'email' : 'orcid', message: 'give exactly one of email and orcid' }],
    'Look a person up by exactly one of email and orcid.',
  );
}
