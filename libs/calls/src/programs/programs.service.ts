import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessService, officerAgencyOf, type Principal } from '#identity';
import { AuditLog, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, NotFoundError, type Page, toPage, VersionMismatchError } from '#platform';
import { CallPermission } from '../calls/calls-access.repository.js';
import type { CreateProgramDto, ListProgramsQueryDto, ProgramDto, UpdateProgramDto } from './dto/program.dto.js';
import { ProgramsRepository } from './programs.repository.js';

@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListProgramsQueryDto): Promise<Page<ProgramDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.programs.list({
      ...(query.agencyId ? { agencyId: query.agencyId } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor, 2) } : {}),
      limit,
    });
    return toPage(
      rows,
      limit,
      (p) => [p.code, p.id],
      (p) => p,
    );
  }

  async get(id: string): Promise<ProgramDto> {
    const program = await this.programs.findById(id);
    if (!program) throw new NotFoundError('program');
    return program;
  }

  async create(principal: Principal, dto: CreateProgramDto, requestId: string): Promise<ProgramDto> {
    if (officerAgencyOf(principal) !== dto.agencyId) {
      throw new DomainError('forbidden', 'NOT_YOUR_AGENCY', 'Program officers create programs of their own agency only.');
    }
    const id = await this.db.transaction(async (manager) => {
      const programId = await this.programs.insert(manager, dto.agencyId, {
        code: dto.code,
        nameJa: dto.nameJa,
        nameEn: dto.nameEn,
        descriptionJa: dto.descriptionJa ?? '',
        descriptionEn: dto.descriptionEn ?? '',
      });
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'program.created',
        objectType: 'program',
        objectId: programId,
        requestId,
      });
      return programId;
    });
    return this.get(id);
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateProgramDto,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<ProgramDto> {
    await this.get(id);
    if (!(await this.access.allowed(principal, CallPermission.manageProgram, [id])).has(id)) {
      throw new DomainError('forbidden', 'NOT_YOUR_AGENCY', "Only the program's agency changes it.");
    }
    await this.db.transaction(async (manager) => {
      if (!(await this.programs.update(manager, id, dto, expectedVersion)))
        throw new VersionMismatchError((await this.programs.findById(id, manager))?.version);
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'program.updated',
        objectType: 'program',
        objectId: id,
        requestId,
        data: { ...dto },
      });
    });
    return this.get(id);
  }
}
