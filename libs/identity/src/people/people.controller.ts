import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, RateLimited } from '#platform';
import { FindPersonQueryDto, PersonDto } from './dto/person.dto.js';
import { PeopleService } from './people.service.js';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('lookup')
  @Authenticated('researcher')
  @RateLimited('personLookup')
  @ApiOperation({
    operationId: 'findPerson',
    summary:
      'The account with exactly this e-mail address (any case) or ORCID iD, to name a partner who has one: its id, name and organisation. Never a list, never a partial match, never the address.',
  })
  @ApiOkResponse({ type: PersonDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: neither or both of email and orcid, an invalid address, or an ORCID iD whose check character is wrong',
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no active account has it' })
  find(@Query() query: FindPersonQueryDto): Promise<PersonDto> {
    return this.people.find(query);
  }
}
