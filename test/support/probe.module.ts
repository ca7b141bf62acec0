import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { InjectDataSource, InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DataSource, Repository } from 'typeorm';
import { Organisation } from '#identity';
import { Clock, Idempotent, Public, RuleViolationError } from '#platform';

class MoneyDto {
  @IsInt() @Min(0) amount: number;
  @IsString() @MaxLength(3) currency: string;
}

class EchoDto {
  @IsString() @MaxLength(200) title: string;
  @IsInt() @Min(1) @Max(60) months: number;
  @IsOptional() @ValidateNested() @Type(() => MoneyDto) budget?: MoneyDto;
}

class ReceiptDto {
  @IsInt() @Min(0) amount: number;
}

class OrganisationProbeDto {
  @IsString() rorId: string;
}

/** Routes that exist only in the API tests, to drive the error handling through the real stack. */
@Public()
@Controller('probe')
class ProbeController {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** A slow state change: one audit row per execution, so a test can count executions. */
  @Post('receipts')
  @Idempotent()
  @ApiOperation({ operationId: 'probeReceipt' })
  async receipt(@Body() body: ReceiptDto): Promise<{ receipt: string; amount: number }> {
    await this.db.query('SELECT pg_sleep(0.3)');
    const rows = await this.db.query<{ object_id: string }[]>(
      `INSERT INTO audit_events (occurred_at, action, object_type, object_id, data)
       VALUES (now(), 'probe.receipt', 'probe', gen_random_uuid(), $1) RETURNING object_id`,
      [body],
    );
    return { receipt: rows[0]!.object_id, amount: body.amount };
  }

  @Post('refusals')
  @Idempotent()
  @ApiOperation({ operationId: 'probeRefusal' })
  refuse(@Body() _body: ReceiptDto): never {
    throw new RuleViolationError('NOT_TODAY', 'Refused, and the refusal is kept for retries.');
  }

  @Post('echo')
  @ApiOperation({ operationId: 'probeEcho' })
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Get('boom')
  @ApiOperation({ operationId: 'probeBoom' })
  boom(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'secretToken')");
  }

  @Get('now')
  @ApiOperation({ operationId: 'probeNow' })
  now(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Get('organisations/:id')
  @ApiOperation({ operationId: 'probeGetOrganisation' })
  async organisation(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ count: number }> {
    return { count: await this.organisations.countBy({ id }) };
  }

  @Post('organisations')
  @ApiOperation({ operationId: 'probeCreateOrganisation' })
  async createOrganisation(@Body() body: OrganisationProbeDto): Promise<{ id: string }> {
    const saved = await this.organisations.save(
      this.organisations.create({
        kind: 'institution',
        shortName: 'P',
        nameJa: 'P',
        nameEn: 'P',
        country: 'JP',
        timeZone: 'Asia/Tokyo',
        rorId: body.rorId,
      }),
    );
    return { id: saved.id };
  }
}

@Module({ imports: [TypeOrmModule.forFeature([Organisation])], controllers: [ProbeController] })
export class ProbeModule {}
